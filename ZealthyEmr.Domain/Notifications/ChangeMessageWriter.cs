using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// Turns a <see cref="ChangeSet"/> into outbox rows on the same context: one message per new series (a single
/// booking is a one-visit series), one per edited series, one per individually moved or cancelled visit, one per
/// new prescription. Raises each changed visit's calendar SEQUENCE in the same save.
/// </summary>
internal sealed class ChangeMessageWriter(VisitEmails visitEmails, PrescriptionEmails prescriptionEmails, IServiceProvider services)
{
    // Resolved on first use: the cache reads through the context factory, whose options list this writer's interceptor.
    private ProviderCache ProviderCache => field ??= services.GetRequiredService<ProviderCache>();

    // The sync path exists for completeness (EF's SaveChanges); the app saves asynchronously everywhere.
    public async Task WriteAsync(EmrDbContext db, ChangeSet changes, bool isAsync, CancellationToken ct)
    {
        var patientIds = changes.Visits.Select(v => v.PatientId).Concat(changes.Prescriptions.Select(p => p.PatientId)).Distinct().ToList();
        var recipients = (await Load(db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id))
                .Select(p => new EmailRecipient(p.Id, p.Name, p.Email)), isAsync, ct))
            .ToDictionary(r => r.PatientId);
        if (recipients.Count == 0)
        {
            return;
        }

        if (changes.Visits.Count > 0)
        {
            await WriteVisitMessagesAsync(db, changes, recipients, isAsync, ct);
        }

        if (changes.Prescriptions.Count > 0)
        {
            var medicationIds = changes.Prescriptions.Select(p => p.MedicationId).Distinct().ToList();
            var medications = (await Load(db.Medications.AsNoTracking().Where(m => medicationIds.Contains(m.Id)).Select(m => new { m.Id, m.Name }), isAsync, ct))
                .ToDictionary(m => m.Id, m => m.Name);
            foreach (var prescription in changes.Prescriptions.Where(p => p.IsActive && recipients.ContainsKey(p.PatientId)))
            {
                db.AddOutboxMessage(prescriptionEmails.Created(
                    recipients[prescription.PatientId], prescription.Id, medications.GetValueOrDefault(prescription.MedicationId, "your medication"), prescription.FirstRefill));
            }
        }
    }

    private async Task WriteVisitMessagesAsync(EmrDbContext db, ChangeSet changes, Dictionary<Guid, EmailRecipient> recipients, bool isAsync, CancellationToken ct)
    {
        var providers = await ProviderNamesAsync(db, changes.Visits.Select(v => v.ProviderId).Distinct().ToList(), isAsync, ct);
        var sequences = await NextSequencesAsync(db, changes.Visits.Where(v => v.Kind != VisitChangeKind.Added).ToList(), isAsync, ct);

        VisitEvent Event(VisitChange v) => new(v.VisitId, v.StartUtc, providers.GetValueOrDefault(v.ProviderId, "your provider"), v.Kind == VisitChangeKind.Cancelled, sequences.GetValueOrDefault(v.VisitId));

        foreach (var group in changes.Visits.Where(v => recipients.ContainsKey(v.PatientId)).GroupBy(v => v.SeriesId))
        {
            var to = recipients[group.First().PatientId];
            var events = group.Select(Event).ToList();
            if (changes.NewSeries.TryGetValue(group.Key, out var series))
            {
                db.AddOutboxMessage(series.Repeat == RepeatKind.None && events.Count == 1
                    ? visitEmails.Booked(to, events[0])
                    : visitEmails.SeriesScheduled(to, events, series.Repeat == RepeatKind.Weekly ? "weekly" : "monthly"));
            }
            else if (changes.EditedSeries.Contains(group.Key))
            {
                db.AddOutboxMessage(visitEmails.SeriesChanged(to, events));
            }
            else
            {
                foreach (var change in group)
                {
                    db.AddOutboxMessage(change.Kind == VisitChangeKind.Moved
                        ? visitEmails.Moved(to, Event(change), change.PreviousStartUtc)
                        : visitEmails.Cancelled(to, Event(change)));
                }
            }
        }
    }

    /// <summary>
    /// Names from the provider cache the booking path has just used, so a booking's save (which holds the database's write
    /// lock) makes no query for them; a provider added in this same save is taken from the save, one the cache lacks is read here.
    /// </summary>
    private async Task<Dictionary<Guid, string>> ProviderNamesAsync(EmrDbContext db, List<Guid> providerIds, bool isAsync, CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        var added = db.ChangeTracker.Entries<Provider>().Where(e => e.State == EntityState.Added).ToDictionary(e => e.Entity.Id, e => e.Entity.Name);
        foreach (var id in providerIds)
        {
            if (added.TryGetValue(id, out var name))
            {
                names[id] = name;
                continue;
            }

            if (await ProviderCache.GetAsync(id, ct) is { } provider)
            {
                names[id] = provider.Name;
            }
        }

        var missing = providerIds.Where(id => !names.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var p in await Load(db.Providers.AsNoTracking().Where(p => missing.Contains(p.Id)).Select(p => new { p.Id, p.Name }), isAsync, ct))
            {
                names[p.Id] = p.Name;
            }
        }

        return names;
    }

    /// <summary>Each changed visit's SEQUENCE, one above the last one sent, stored for the next change in this same save.</summary>
    private static async Task<Dictionary<Guid, int>> NextSequencesAsync(EmrDbContext db, List<VisitChange> changed, bool isAsync, CancellationToken ct)
    {
        if (changed.Count == 0)
        {
            return [];
        }

        var ids = changed.Select(v => v.VisitId).ToList();
        var rows = (await Load(db.Set<CalendarSequence>().Where(s => ids.Contains(s.VisitId)), isAsync, ct)).ToDictionary(s => s.VisitId);
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

    private static async Task<List<T>> Load<T>(IQueryable<T> query, bool isAsync, CancellationToken ct) =>
        isAsync ? await query.ToListAsync(ct) : query.ToList();
}
