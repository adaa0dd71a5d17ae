using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Analytics;

/// <summary>
/// Clinic-wide numbers. Every count is an aggregate query; no query returns a row per visit or prescription.
/// Local weekday and hour cannot be computed in SQL portably (the clinic zone's offset changes with DST), so
/// visits are grouped by their start instant in the database, which yields one row per occupied slot of the
/// clinic however many patients there are, and those few rows are bucketed here.
/// </summary>
public sealed class AnalyticsService(IDbContextFactory<EmrDbContext> contexts, ClinicCalendar calendar)
{
    private const int Weeks = 8;
    private static readonly TimeSpan CancellationWindow = TimeSpan.FromDays(90);

    public async Task<ClinicAnalytics> GetAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var totals = await TotalsAsync(db, ct);
        var today = calendar.Today;
        var loads = await ProviderWeeksAsync(db, today, ct);
        var cancellations = await CancellationsAsync(db, ct);
        var (weekdays, hours) = await BusiestAsync(db, today, ct);
        var noShows = await NoShowQuery.RunAsync(db, calendar.UtcNow, ct);
        return new ClinicAnalytics(totals, today, loads, cancellations, weekdays, hours, noShows);
    }

    private async Task<ClinicTotals> TotalsAsync(EmrDbContext db, CancellationToken ct)
    {
        var now = calendar.UtcNow;
        var (in7, in30) = (now.AddDays(7), now.AddDays(30));
        var visits = await db.Visits.AsNoTracking()
            .Where(v => v.Status == VisitStatus.Scheduled && v.StartUtc >= now && v.StartUtc < in30)
            .GroupBy(v => 1)
            .Select(g => new { Week = g.Count(v => v.StartUtc < in7), Month = g.Count() })
            .FirstOrDefaultAsync(ct);
        var providers = await db.Providers.AsNoTracking()
            .GroupBy(p => 1)
            .Select(g => new { All = g.Count(), Active = g.Count(p => p.IsActive) })
            .FirstOrDefaultAsync(ct);
        var (refills7, refills30) = await RefillsAsync(db, ct);
        return new ClinicTotals(
            await db.Patients.CountAsync(ct),
            providers?.All ?? 0,
            providers?.Active ?? 0,
            await db.AppointmentSeries.Where(SeriesActivity.IsActiveRecurring(now, calendar.Today)).CountAsync(ct),
            visits?.Week ?? 0,
            visits?.Month ?? 0,
            await db.Prescriptions.CountAsync(p => p.IsActive, ct),
            refills7,
            refills30);
    }

    /// <summary>
    /// Refill dates are computed, not stored, so active prescriptions are grouped by the fields that decide
    /// their dates; many prescriptions share a group, and each group's dates are computed once.
    /// </summary>
    private async Task<(int Next7, int Next30)> RefillsAsync(EmrDbContext db, CancellationToken ct)
    {
        var today = calendar.Today;
        var (last7, last30) = (today.AddDays(6), today.AddDays(29));
        var groups = await db.Prescriptions.AsNoTracking()
            .Where(p => p.IsActive && p.FirstRefill <= last30 && (p.EndDate == null || p.EndDate >= today))
            .GroupBy(p => new { p.FirstRefill, p.Schedule, p.EndDate })
            .Select(g => new { g.Key.FirstRefill, g.Key.Schedule, g.Key.EndDate, Count = g.Count() })
            .ToListAsync(ct);
        var (next7, next30) = (0, 0);
        foreach (var g in groups)
        {
            var dates = RefillCalculator.Upcoming(g.FirstRefill, g.Schedule, g.EndDate, today, last30).ToList();
            next7 += g.Count * dates.Count(d => d <= last7);
            next30 += g.Count * dates.Count;
        }

        return (next7, next30);
    }

    private async Task<IReadOnlyList<ProviderWeeklyLoad>> ProviderWeeksAsync(EmrDbContext db, DateOnly today, CancellationToken ct)
    {
        var b = Enumerable.Range(0, Weeks + 1).Select(w => calendar.StartOfDayUtc(today.AddDays(7 * w))).ToArray();
        var (b0, b1, b2, b3, b4, b5, b6, b7, b8) = (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8]);
        var counts = await db.Visits.AsNoTracking()
            .Where(v => v.Status == VisitStatus.Scheduled && v.StartUtc >= b0 && v.StartUtc < b8)
            .GroupBy(v => v.ProviderId)
            .Select(g => new
            {
                ProviderId = g.Key,
                Weeks = new[]
                {
                    g.Count(v => v.StartUtc < b1),
                    g.Count(v => v.StartUtc >= b1 && v.StartUtc < b2),
                    g.Count(v => v.StartUtc >= b2 && v.StartUtc < b3),
                    g.Count(v => v.StartUtc >= b3 && v.StartUtc < b4),
                    g.Count(v => v.StartUtc >= b4 && v.StartUtc < b5),
                    g.Count(v => v.StartUtc >= b5 && v.StartUtc < b6),
                    g.Count(v => v.StartUtc >= b6 && v.StartUtc < b7),
                    g.Count(v => v.StartUtc >= b7),
                },
            })
            .ToDictionaryAsync(g => g.ProviderId, g => g.Weeks, ct);
        var providers = await db.Providers.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, p.IsActive }).ToListAsync(ct);
        return [.. providers.Select(p => new ProviderWeeklyLoad(p.Id, p.Name, p.IsActive, counts.GetValueOrDefault(p.Id) ?? new int[Weeks]))];
    }

    private async Task<CancellationStats> CancellationsAsync(EmrDbContext db, CancellationToken ct)
    {
        var now = calendar.UtcNow;
        var (from, to) = (now - CancellationWindow, now + CancellationWindow);
        var counts = await db.Visits.AsNoTracking()
            .Where(v => v.StartUtc >= from && v.StartUtc < to)
            .GroupBy(v => 1)
            .Select(g => new { All = g.Count(), Cancelled = g.Count(v => v.Status == VisitStatus.Cancelled) })
            .FirstOrDefaultAsync(ct);
        var (all, cancelled) = (counts?.All ?? 0, counts?.Cancelled ?? 0);
        return new CancellationStats(cancelled, all, all == 0 ? 0 : (double)cancelled / all, from, to);
    }

    private async Task<(IReadOnlyList<BucketCount> Weekdays, IReadOnlyList<BucketCount> Hours)> BusiestAsync(EmrDbContext db, DateOnly today, CancellationToken ct)
    {
        var (from, until) = (calendar.UtcNow, calendar.StartOfDayUtc(today.AddDays(7 * Weeks)));
        var slots = await db.Visits.AsNoTracking()
            .Where(v => v.Status == VisitStatus.Scheduled && v.StartUtc >= from && v.StartUtc < until)
            .GroupBy(v => v.StartUtc)
            .Select(g => new { StartUtc = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var local = slots.Select(s => (Local: calendar.ToLocal(s.StartUtc), s.Count)).ToList();
        var weekdays = Enumerable.Range(0, 7)
            .Select(d => new BucketCount(d, ((DayOfWeek)d).ToString(), local.Where(s => (int)s.Local.DayOfWeek == d).Sum(s => s.Count)))
            .OrderByDescending(b => b.Count).ThenBy(b => b.Bucket)
            .ToList();
        var hours = Enumerable.Range(0, 24)
            .Select(h => new BucketCount(h, $"{h:00}:00", local.Where(s => s.Local.Hour == h).Sum(s => s.Count)))
            .OrderByDescending(b => b.Count).ThenBy(b => b.Bucket)
            .ToList();
        return (weekdays, hours);
    }
}
