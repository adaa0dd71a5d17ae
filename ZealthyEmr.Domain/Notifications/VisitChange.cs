namespace ZealthyEmr.Domain.Notifications;

/// <summary>What one save did to one visit, as far as the patient should hear about it.</summary>
internal sealed record VisitChange(Guid VisitId, Guid SeriesId, Guid PatientId, Guid ProviderId, DateTime StartUtc, VisitChangeKind Kind, DateTime PreviousStartUtc, bool VisitDeleted);
