using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// The send-time check: a patient's current preferences decide, not those when the row was written, and a
/// reminder whose visit was cancelled or whose prescription ended is dropped.
/// </summary>
public sealed class DeliveryGate(IDbContextFactory<EmrDbContext> contexts, ClinicCalendar calendar)
{
    /// <summary>Why each row that must not be sent is held back; rows not in the result may go.</summary>
    public async Task<Dictionary<Guid, string>> HoldBackAsync(IReadOnlyList<OutboxMessage> rows, CancellationToken ct = default)
    {
        var reasons = new Dictionary<Guid, string>();
        var patientRows = rows.Where(r => r.PatientId is not null && EmailKinds.IsPatientMail(r.Kind)).ToList();
        if (patientRows.Count == 0)
        {
            return reasons;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var patientIds = patientRows.Select(r => r.PatientId!.Value).Distinct().ToList();
        var existing = (await db.Patients.Where(p => patientIds.Contains(p.Id) && p.ArchivedUtc == null).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var preferences = await db.Set<NotificationPreference>().AsNoTracking().Where(p => patientIds.Contains(p.PatientId)).ToDictionaryAsync(p => p.PatientId, ct);
        var aboutIds = patientRows.Where(r => r.AboutId is not null).Select(r => r.AboutId!.Value).ToList();
        var now = calendar.UtcNow;
        var today = calendar.Today;
        var liveVisits = (await db.Visits.Where(v => aboutIds.Contains(v.Id) && v.Status == VisitStatus.Scheduled && v.StartUtc > now).Select(v => v.Id).ToListAsync(ct)).ToHashSet();
        var liveRefills = (await db.Prescriptions.Where(p => aboutIds.Contains(p.Id) && p.IsActive && (p.EndDate == null || p.EndDate >= today)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();

        foreach (var row in patientRows)
        {
            var choice = preferences.GetValueOrDefault(row.PatientId!.Value) ?? new NotificationPreference();
            var reason = !existing.Contains(row.PatientId.Value) ? "The patient was archived or no longer exists."
                : !choice.EmailEnabled ? "The patient turned email off."
                : row.Kind == EmailKinds.VisitReminder && !choice.VisitReminders ? "The patient turned visit reminders off."
                : row.Kind == EmailKinds.RefillReminder && !choice.RefillReminders ? "The patient turned refill reminders off."
                : row.Kind == EmailKinds.VisitReminder && !liveVisits.Contains(row.AboutId ?? Guid.Empty) ? "The visit was cancelled, moved into the past or removed."
                : row.Kind == EmailKinds.RefillReminder && !liveRefills.Contains(row.AboutId ?? Guid.Empty) ? "The prescription ended or was removed."
                : null;
            if (reason is not null)
            {
                reasons[row.Id] = reason;
            }
        }

        return reasons;
    }
}
