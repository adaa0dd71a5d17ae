using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// Turns a <see cref="ChangeSet"/> into outbox rows on the same context: one message per new series (a single
/// booking is a one-visit series), one per edited series, one per individually moved or cancelled visit, one per
/// new prescription. Raises each changed visit's calendar SEQUENCE in the same save.
/// </summary>
/// <remarks>
/// Each row holds the change's facts (<see cref="ChangeDraft"/>), not the email: looking up the recipient and writing
/// the bodies took about 0.7 ms of every booking's save, inside the database's write lock (issue 14's booking cost).
/// The sender writes the email when it first claims the row. When the save already runs in a transaction (the audit
/// trail gives every audited save one) the rows go in as one INSERT on it (<see cref="ModelBatchInsert"/>) instead of
/// as tracked entities: tracking and inserting one more entity was most of what the outbox still added to a booking.
/// </remarks>
internal sealed class ChangeMessageWriter(TimeProvider clock)
{
    // The sync path exists for completeness (EF's SaveChanges); the app saves asynchronously everywhere.
    public async Task WriteAsync(EmrDbContext db, ChangeSet changes, bool isAsync, CancellationToken ct)
    {
        var drafts = new List<OutboxMessage>();
        if (changes.Visits.Count > 0)
        {
            await WriteVisitMessagesAsync(db, changes, drafts, isAsync, ct);
        }

        foreach (var prescription in changes.Prescriptions.Where(p => p.IsActive))
        {
            drafts.Add(OutboxDbContextExtensions.NewOutboxDraft(EmailKinds.PrescriptionCreated, prescription.PatientId, prescription.Id,
                new ChangeDraft([], Prescription: new DraftPrescription(prescription.Id, prescription.MedicationId, prescription.FirstRefill))));
        }

        if (drafts.Count == 0)
        {
            return;
        }

        if (isAsync && db.Database.CurrentTransaction is not null)
        {
            // What OutboxStampInterceptor does for tracked rows.
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var draft in drafts)
            {
                draft.CreatedUtc = draft.AvailableAtUtc = now;
            }

            await ModelBatchInsert.InsertAsync(db, drafts, ct);
        }
        else
        {
            db.Set<OutboxMessage>().AddRange(drafts);
        }
    }

    private static async Task WriteVisitMessagesAsync(EmrDbContext db, ChangeSet changes, List<OutboxMessage> drafts, bool isAsync, CancellationToken ct)
    {
        var sequences = await NextSequencesAsync(db, changes.Visits.Where(v => v.Kind != VisitChangeKind.Added).ToList(), isAsync, ct);

        DraftVisit Draft(VisitChange v) => new(v.VisitId, v.StartUtc, v.ProviderId, v.Kind == VisitChangeKind.Cancelled, sequences.GetValueOrDefault(v.VisitId));

        foreach (var group in changes.Visits.GroupBy(v => v.SeriesId))
        {
            var patientId = group.First().PatientId;
            var visits = group.Select(Draft).ToList();
            if (changes.NewSeries.TryGetValue(group.Key, out var series))
            {
                if (series.Repeat == RepeatKind.None && visits.Count == 1)
                {
                    drafts.Add(OutboxDbContextExtensions.NewOutboxDraft(EmailKinds.VisitBooked, patientId, visits[0].VisitId, new ChangeDraft(visits)));
                }
                else
                {
                    drafts.Add(OutboxDbContextExtensions.NewOutboxDraft(EmailKinds.SeriesScheduled, patientId, null, new ChangeDraft(visits, Repeat: series.Repeat == RepeatKind.Weekly ? "weekly" : "monthly")));
                }
            }
            else if (changes.EditedSeries.Contains(group.Key))
            {
                drafts.Add(OutboxDbContextExtensions.NewOutboxDraft(EmailKinds.SeriesChanged, patientId, null, new ChangeDraft(visits)));
            }
            else
            {
                foreach (var change in group)
                {
                    drafts.Add(OutboxDbContextExtensions.NewOutboxDraft(
                        change.Kind == VisitChangeKind.Moved ? EmailKinds.VisitMoved : EmailKinds.VisitCancelled,
                        patientId,
                        change.VisitId,
                        new ChangeDraft([Draft(change)], PreviousStartUtc: change.Kind == VisitChangeKind.Moved ? change.PreviousStartUtc : null)));
                }
            }
        }
    }

    /// <summary>Each changed visit's SEQUENCE, one above the last one sent, stored for the next change in this same save.</summary>
    private static async Task<Dictionary<Guid, int>> NextSequencesAsync(EmrDbContext db, List<VisitChange> changed, bool isAsync, CancellationToken ct)
    {
        if (changed.Count == 0)
        {
            return [];
        }

        var ids = changed.Select(v => v.VisitId).ToList();
        var query = db.Set<CalendarSequence>().Where(s => ids.Contains(s.VisitId));
        var rows = (isAsync ? await query.ToListAsync(ct) : query.ToList()).ToDictionary(s => s.VisitId);
        var next = new Dictionary<Guid, int>();
        foreach (var change in changed)
        {
            if (rows.TryGetValue(change.VisitId, out var row))
            {
                row.Sequence++;
            }
            else
            {
                row = new CalendarSequence { VisitId = change.VisitId, Sequence = 1 };
                if (!change.VisitDeleted)
                {
                    // A deleted visit takes its row with it (cascade); the cancellation still goes out at this sequence.
                    db.Set<CalendarSequence>().Add(row);
                }
            }

            next[change.VisitId] = row.Sequence;
        }

        return next;
    }
}
