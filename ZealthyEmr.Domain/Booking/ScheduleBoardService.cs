using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Domain.Search;

namespace ZealthyEmr.Domain.Booking;

/// <summary>The front desk's view of the clinic: every provider's slots, free or held and by whom, a day or a week at a time.</summary>
public sealed class ScheduleBoardService(IDbContextFactory<EmrDbContext> contexts, AvailabilityService availability, IPatientSearch search, ClinicCalendar calendar, IAuditLog audit)
{
    public async Task<IReadOnlyList<ProviderDay>> GetDayAsync(DateOnly day, CancellationToken ct = default) =>
        (await GetDaysAsync(day, 1, ct))[day];

    /// <summary><paramref name="count"/> consecutive days from <paramref name="first"/>, in two queries.</summary>
    public async Task<IReadOnlyDictionary<DateOnly, IReadOnlyList<ProviderDay>>> GetDaysAsync(DateOnly first, int count, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var providers = await db.Providers.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name).ToListAsync(ct);
        var (from, until) = (calendar.StartOfDayUtc(first), calendar.StartOfDayUtc(first.AddDays(count)));
        var held = await db.Visits.AsNoTracking()
            .Where(v => v.StartUtc >= from && v.StartUtc < until && v.Status != VisitStatus.Cancelled)
            .Select(v => new { v.ProviderId, Slot = new BoardSlot(v.StartUtc, v.Id, v.PatientId, v.Patient!.Name, v.Status, v.Reason, v.Series!.Repeat != RepeatKind.None) })
            .ToListAsync(ct);
        var slots = held.ToDictionary(v => (v.ProviderId, v.Slot.StartUtc), v => v.Slot);
        // The board names every booked patient, so each is a View of that patient's schedule.
        foreach (var patientId in held.Select(v => v.Slot.PatientId).OfType<Guid>().Distinct())
        {
            audit.RecordView("ScheduleBoard", first.ToString("O"), patientId);
        }

        return Enumerable.Range(0, count).Select(first.AddDays).ToDictionary(
            d => d,
            d => (IReadOnlyList<ProviderDay>)[.. providers.Select(p => new ProviderDay(p.Id, p.Name, p.Specialty,
                [.. availability.SlotsOf(p, d).Select(s => slots.GetValueOrDefault((p.Id, s)) ?? new BoardSlot(s, null, null, null))]))]);
    }

    public async Task<BoardVisit?> GetVisitAsync(Guid visitId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var visit = await db.Visits.AsNoTracking()
            .Where(v => v.Id == visitId)
            .Select(v => new BoardVisit(v.Id, v.PatientId, v.Patient!.Name, v.ProviderId, v.Provider!.Name, v.StartUtc, v.Status, v.Reason,
                v.SeriesId, v.Series!.Repeat, v.CancelledBy, v.CancelReason))
            .FirstOrDefaultAsync(ct);
        if (visit is not null)
        {
            audit.RecordView(nameof(Visit), visitId.ToString(), visit.PatientId);
        }

        return visit;
    }

    /// <summary>Patients matching <paramref name="term"/> in any part of their record, best first, for the board's patient picker.</summary>
    public async Task<IReadOnlyList<PatientPick>> FindPatientsAsync(string? term, int max = 20, CancellationToken ct = default)
    {
        var matches = await search.SuggestAsync(term, Math.Clamp(max, 1, 50), ct);
        return [.. matches.Select(m => new PatientPick(m.Id, m.Name, m.Email))];
    }
}
