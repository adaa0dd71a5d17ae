using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Providers;

namespace ZealthyEmr.Domain.Booking;

/// <summary>
/// Free slots: working hours on the slot grid, minus held slots, minus the past, within the booking horizon.
/// Given a patient, also minus the times that patient is already busy with any provider, so a time the booking
/// would refuse is never offered.
/// </summary>
public sealed class AvailabilityService(IDbContextFactory<EmrDbContext> contexts, ClinicCalendar calendar)
{
    private const int NearestSearchDays = 14;

    public Task<IReadOnlyList<DateTime>> GetFreeSlotsAsync(Guid providerId, DateOnly day, CancellationToken ct = default) =>
        GetFreeSlotsAsync(providerId, day, patientId: null, ct);

    public async Task<IReadOnlyList<DateTime>> GetFreeSlotsAsync(Guid providerId, DateOnly day, Guid? patientId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId, ct);
        return provider is null ? [] : (await FreeSlotsAsync(db, [provider], patientId, day, day, ct)).Select(s => s.StartUtc).ToList();
    }

    /// <summary>The free slots closest in time to <paramref name="aroundUtc"/>, offered after a conflict; never one the patient is busy at.</summary>
    public async Task<IReadOnlyList<DateTime>> NearestFreeSlotsAsync(Guid providerId, DateTime aroundUtc, Guid? patientId = null, int count = 3, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId, ct);
        if (provider is null)
        {
            return [];
        }

        var day = DateOnly.FromDateTime(calendar.ToLocal(aroundUtc));
        var found = await FreeSlotsAsync(db, [provider], patientId, day.AddDays(-1), day.AddDays(NearestSearchDays), ct);
        return [.. found.Select(s => s.StartUtc).Where(s => s != aroundUtc).OrderBy(s => (s - aroundUtc).Duration()).Take(count).Order()];
    }

    /// <summary>The days in [<paramref name="from"/>, <paramref name="to"/>] with at least one slot free for this patient, for a date picker.</summary>
    public async Task<IReadOnlySet<DateOnly>> FreeDaysAsync(Guid providerId, Guid? patientId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId, ct);
        return provider is null
            ? new HashSet<DateOnly>()
            : (await FreeSlotsAsync(db, [provider], patientId, from, to, ct)).Select(s => DateOnly.FromDateTime(calendar.ToLocal(s.StartUtc))).ToHashSet();
    }

    /// <summary>
    /// The earliest free slots across all active providers (optionally of one specialty), earliest first, for
    /// "next available". Searched a week at a time so a busy clinic does not read its whole horizon.
    /// </summary>
    public async Task<IReadOnlyList<OpenSlot>> NextAvailableAsync(Guid? patientId, string? specialty, int count = 6, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var providers = await db.Providers.AsNoTracking()
            .Where(p => p.IsActive && (specialty == null || p.Specialty == specialty))
            .ToListAsync(ct);
        var found = new List<OpenSlot>();
        var last = LastBookableDay;
        for (var from = calendar.Today; from <= last && found.Count < count; from = from.AddDays(7))
        {
            var to = from.AddDays(6) < last ? from.AddDays(6) : last;
            found.AddRange(await FreeSlotsAsync(db, providers, patientId, from, to, ct));
        }

        return [.. found.OrderBy(s => s.StartUtc).ThenBy(s => s.ProviderName).Take(count)];
    }

    /// <summary>Every slot of the provider's working day (past ones included), in order.</summary>
    public IReadOnlyList<DateTime> SlotsOf(Provider provider, DateOnly day)
    {
        var hours = provider.HoursOn(day.DayOfWeek);
        if (hours is null)
        {
            return [];
        }

        var slots = new List<DateTime>();
        for (var local = day.ToDateTime(hours.Start); local + calendar.Slot <= day.ToDateTime(hours.End); local += calendar.Slot)
        {
            var utc = calendar.ToUtc(local);
            // A wall-clock time skipped by a spring-forward change is not a real slot that day.
            if (calendar.ToLocal(utc) == local)
            {
                slots.Add(utc);
            }
        }

        return slots;
    }

    private DateOnly LastBookableDay => calendar.Today.AddMonths(calendar.BookingHorizonMonths);

    /// <summary>Free slots of <paramref name="providers"/> over a run of days, with one query for what is held.</summary>
    private async Task<List<OpenSlot>> FreeSlotsAsync(EmrDbContext db, IReadOnlyList<Provider> providers, Guid? patientId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        (from, to) = (from < calendar.Today ? calendar.Today : from, to > LastBookableDay ? LastBookableDay : to);
        var active = providers.Where(p => p.IsActive).ToList();
        if (from > to || active.Count == 0)
        {
            return [];
        }

        var (fromUtc, untilUtc) = (calendar.StartOfDayUtc(from), calendar.StartOfDayUtc(to.AddDays(1)));
        var ids = active.Select(p => p.Id).ToList();
        var held = await db.Visits.AsNoTracking()
            .Where(v => v.StartUtc >= fromUtc && v.StartUtc < untilUtc && v.Status != VisitStatus.Cancelled && (ids.Contains(v.ProviderId) || v.PatientId == patientId))
            .Select(v => new { v.ProviderId, v.PatientId, v.StartUtc })
            .ToListAsync(ct);
        var providerHeld = held.Select(v => (v.ProviderId, v.StartUtc)).ToHashSet();
        var patientBusy = held.Where(v => v.PatientId == patientId).Select(v => v.StartUtc).ToHashSet();
        var now = calendar.UtcNow;
        var free = new List<OpenSlot>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            foreach (var provider in active)
            {
                free.AddRange(SlotsOf(provider, day)
                    .Where(s => s > now && !providerHeld.Contains((provider.Id, s)) && !patientBusy.Contains(s))
                    .Select(s => new OpenSlot(provider.Id, provider.Name, provider.Specialty, s)));
            }
        }

        return free;
    }
}
