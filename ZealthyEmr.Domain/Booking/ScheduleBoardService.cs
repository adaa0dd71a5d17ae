using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Booking;

/// <summary>The front desk's view of the clinic: every provider's slots, free or held and by whom, a day or a week at a time.</summary>
public sealed class ScheduleBoardService(IDbContextFactory<EmrDbContext> contexts, AvailabilityService availability, PatientAdminService patients, ClinicCalendar calendar)
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

        return Enumerable.Range(0, count).Select(first.AddDays).ToDictionary(
            d => d,
            d => (IReadOnlyList<ProviderDay>)[.. providers.Select(p => new ProviderDay(p.Id, p.Name, p.Specialty,
                [.. availability.SlotsOf(p, d).Select(s => slots.GetValueOrDefault((p.Id, s)) ?? new BoardSlot(s, null, null, null))]))]);
    }

    public async Task<BoardVisit?> GetVisitAsync(Guid visitId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Visits.AsNoTracking()
            .Where(v => v.Id == visitId)
            .Select(v => new BoardVisit(v.Id, v.PatientId, v.Patient!.Name, v.ProviderId, v.Provider!.Name, v.StartUtc, v.Status, v.Reason,
                v.SeriesId, v.Series!.Repeat, v.CancelledBy, v.CancelReason))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Patients matching <paramref name="term"/> by name or email, for the board's patient picker.</summary>
    public async Task<IReadOnlyList<PatientPick>> FindPatientsAsync(string? term, int max = 20, CancellationToken ct = default)
    {
        var page = await patients.SearchAsync(new PatientQuery(0, max, term), ct);
        return [.. page.Rows.Select(r => new PatientPick(r.Id, r.Name, r.Email))];
    }
}
