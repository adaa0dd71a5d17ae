using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// Enqueues the visit and refill reminders that are due. Each has a dedup key (a visit's series and planned
/// occurrence, a prescription and refill date) under a unique index, so every instance may run this at once and
/// a visit re-planned by the horizon service still gets one reminder. Quiet hours push a reminder to the morning.
/// </summary>
public sealed class ReminderPlanner(
    IDbContextFactory<EmrDbContext> contexts,
    ClinicCalendar calendar,
    VisitEmails visitEmails,
    PrescriptionEmails prescriptionEmails,
    IOptions<NotificationOptions> options)
{
    private const int ChunkSize = 200;
    private const int MaxRaces = 5;

    public static string VisitKey(Guid seriesId, DateTime occurrenceUtc) => $"visit-reminder:{seriesId:N}:{occurrenceUtc:yyyyMMddTHHmm}";

    public static string RefillKey(Guid prescriptionId, DateOnly refill) => $"refill-reminder:{prescriptionId:N}:{refill:yyyyMMdd}";

    /// <summary>Adds every due reminder not yet in the outbox; returns how many this call added.</summary>
    public async Task<int> EnqueueDueAsync(CancellationToken ct = default)
    {
        var notBefore = ReleaseTimeUtc();
        var due = new List<(string Key, Func<OutgoingEmail> Email)>();
        due.AddRange(await DueVisitsAsync(notBefore, ct));
        due.AddRange(await DueRefillsAsync(notBefore, ct));

        var added = 0;
        foreach (var chunk in due.Chunk(ChunkSize))
        {
            added += await AddMissingAsync(chunk, ct);
        }

        return added;
    }

    /// <summary>Now, or the end of quiet hours when now is inside them (clinic time).</summary>
    public DateTime ReleaseTimeUtc()
    {
        QuietHours.TryParse(options.Value.QuietHours, out var quiet);
        return quiet is null ? calendar.UtcNow : calendar.ToUtc(quiet.Release(calendar.LocalNow));
    }

    private async Task<IEnumerable<(string, Func<OutgoingEmail>)>> DueVisitsAsync(DateTime notBefore, CancellationToken ct)
    {
        var now = calendar.UtcNow;
        var until = now.AddHours(options.Value.VisitReminderLeadHours);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var visits = await db.Visits.AsNoTracking()
            .Where(v => v.Status == VisitStatus.Scheduled && v.StartUtc > now && v.StartUtc <= until && v.Patient!.ArchivedUtc == null)
            .Select(v => new { v.Id, v.SeriesId, v.OccurrenceUtc, v.StartUtc, v.PatientId, Patient = v.Patient!.Name, v.Patient.Email, Provider = v.Provider!.Name })
            .ToListAsync(ct);
        return visits.Select(v =>
        {
            var key = VisitKey(v.SeriesId, v.OccurrenceUtc);
            return (key, (Func<OutgoingEmail>)(() => visitEmails.Reminder(
                new EmailRecipient(v.PatientId, v.Patient, v.Email), new VisitEvent(v.Id, v.StartUtc, v.Provider, Cancelled: false, Sequence: 0), key, notBefore)));
        });
    }

    private async Task<IEnumerable<(string, Func<OutgoingEmail>)>> DueRefillsAsync(DateTime notBefore, CancellationToken ct)
    {
        var today = calendar.Today;
        var horizon = today.AddDays(options.Value.RefillReminderLeadDays);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var prescriptions = await db.Prescriptions.AsNoTracking()
            .Where(p => p.IsActive && p.FirstRefill <= horizon && (p.EndDate == null || p.EndDate >= today) && p.Patient!.ArchivedUtc == null)
            .Select(p => new { p.Id, p.PatientId, p.FirstRefill, p.Schedule, p.EndDate, Patient = p.Patient!.Name, p.Patient.Email, Medication = p.Medication!.Name })
            .ToListAsync(ct);
        return prescriptions.SelectMany(p => RefillCalculator.Upcoming(p.FirstRefill, p.Schedule, p.EndDate, today, horizon).Select(date =>
        {
            var key = RefillKey(p.Id, date);
            return (key, (Func<OutgoingEmail>)(() => prescriptionEmails.RefillReminder(
                new EmailRecipient(p.PatientId, p.Patient, p.Email), p.Id, p.Medication, date, key, notBefore)));
        }));
    }

    private async Task<int> AddMissingAsync(IReadOnlyList<(string Key, Func<OutgoingEmail> Email)> chunk, CancellationToken ct)
    {
        for (var race = 0; ; race++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var keys = chunk.Select(c => c.Key).ToList();
            var existing = (await db.Set<OutboxMessage>().Where(m => keys.Contains(m.DedupKey!)).Select(m => m.DedupKey!).ToListAsync(ct)).ToHashSet();
            var missing = chunk.Where(c => !existing.Contains(c.Key)).ToList();
            if (missing.Count == 0)
            {
                return 0;
            }

            missing.ForEach(c => db.AddOutboxMessage(c.Email()));
            try
            {
                await db.SaveChangesAsync(ct);
                return missing.Count;
            }
            catch (DbUpdateException) when (race < MaxRaces)
            {
                // Another instance added some of these keys since the check; the unique index refused the chunk. Look again.
            }
        }
    }
}
