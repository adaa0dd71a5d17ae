namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// A change message as facts, stored on its outbox row: the visits as they stood in the change (time, provider,
/// SEQUENCE), or the new prescription. The sender turns it into the email (<see cref="OutboxDraftRenderer"/>), so
/// the change's own save reads nothing and renders nothing while it holds the database's write lock.
/// </summary>
internal sealed record ChangeDraft(IReadOnlyList<DraftVisit> Visits, DateTime? PreviousStartUtc = null, string? Repeat = null, DraftPrescription? Prescription = null);
