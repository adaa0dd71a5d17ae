using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Providers;

namespace ZealthyEmr.Domain.Booking;

/// <summary>Free slots: working hours on the slot grid, minus held slots, minus the past, within the booking horizon.</summary>
public sealed class AvailabilityService(IDbContextFactory<EmrDbContext> contexts, ClinicCalendar calendar)
{
    public async Task<IReadOnlyList<DateTime>> GetFreeSlotsAsync(Guid providerId, DateOnly day, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId, ct);
        return provider is null ? [] : await FreeSlotsAsync(db, provider, day, ct);
    }

    /// <summary>The free slots closest in time to <paramref name="aroundUtc"/>, offered after a conflict.</summary>
    public async Task<IReadOnlyList<DateTime>> NearestFreeSlotsAsync(Guid providerId, DateTime aroundUtc, int count = 3, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId, ct);
        if (provider is null)
        {
            return [];
        }

        var day = DateOnly.FromDateTime(calendar.ToLocal(aroundUtc));
        var found = new List<DateTime>();
        for (var offset = 0; offset < 14 && found.Count < count * 3; offset++)
        {
            found.AddRange(await FreeSlotsAsync(db, provider, day.AddDays(offset), ct));
        }

        return [.. found.OrderBy(s => (s - aroundUtc).Duration()).Take(count).Order()];
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

    private async Task<IReadOnlyList<DateTime>> FreeSlotsAsync(EmrDbContext db, Provider provider, DateOnly day, CancellationToken ct)
    {
        if (!provider.IsActive || day < calendar.Today || day > calendar.Today.AddMonths(calendar.BookingHorizonMonths))
        {
            return [];
        }

        var slots = SlotsOf(provider, day);
        if (slots.Count == 0)
        {
            return [];
        }

        var (from, until) = (slots[0], slots[^1]);
        var held = await db.Visits.AsNoTracking()
            .Where(v => v.ProviderId == provider.Id && v.StartUtc >= from && v.StartUtc <= until && v.Status != VisitStatus.Cancelled)
            .Select(v => v.StartUtc)
            .ToListAsync(ct);
        var now = calendar.UtcNow;
        return [.. slots.Where(s => s > now && !held.Contains(s))];
    }
}
