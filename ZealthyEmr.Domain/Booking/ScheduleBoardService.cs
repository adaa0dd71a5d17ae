using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Booking;

/// <summary>The staff view of a day: every provider's slots, free or held and by whom, in two queries.</summary>
public sealed class ScheduleBoardService(IDbContextFactory<EmrDbContext> contexts, AvailabilityService availability, ClinicCalendar calendar, IAuditLog audit)
{
    public async Task<IReadOnlyList<ProviderDay>> GetDayAsync(DateOnly day, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var providers = await db.Providers.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name).ToListAsync(ct);
        var (from, until) = (calendar.StartOfDayUtc(day), calendar.StartOfDayUtc(day.AddDays(1)));
        var held = await db.Visits.AsNoTracking()
            .Where(v => v.StartUtc >= from && v.StartUtc < until && v.Status != VisitStatus.Cancelled)
            .Select(v => new { v.Id, v.ProviderId, v.StartUtc, v.PatientId, PatientName = v.Patient!.Name })
            .ToListAsync(ct);
        var byProviderSlot = held.ToDictionary(v => (v.ProviderId, v.StartUtc));
        // The board names every booked patient, so each is a View of that patient's schedule.
        foreach (var patientId in held.Select(v => v.PatientId).Distinct())
        {
            audit.RecordView("ScheduleBoard", day.ToString("O"), patientId);
        }

        return [.. providers.Select(p => new ProviderDay(p.Id, p.Name, p.Specialty, [.. availability.SlotsOf(p, day).Select(s =>
            byProviderSlot.TryGetValue((p.Id, s), out var v)
                ? new BoardSlot(s, v.Id, v.PatientId, v.PatientName)
                : new BoardSlot(s, null, null, null))]))];
    }
}
