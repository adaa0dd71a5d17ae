namespace ZealthyEmr.Domain.Notifications;

/// <summary>One visit of a <see cref="ChangeDraft"/>: what the email and its calendar event say about it.</summary>
internal sealed record DraftVisit(Guid VisitId, DateTime StartUtc, Guid ProviderId, bool Cancelled, int Sequence);
