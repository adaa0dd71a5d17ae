using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Analytics;

/// <summary>No-show rate per provider, one grouped query.</summary>
internal static class NoShowQuery
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);

    public static async Task<IReadOnlyList<ProviderNoShows>> RunAsync(EmrDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var from = nowUtc - Window;
        var counts = await db.Visits.AsNoTracking()
            .Where(v => v.StartUtc >= from && v.StartUtc < nowUtc
                && (v.Status == VisitStatus.Completed || v.Status == VisitStatus.CheckedIn || v.Status == VisitStatus.NoShow))
            .GroupBy(v => v.ProviderId)
            .Select(g => new { ProviderId = g.Key, Recorded = g.Count(), NoShows = g.Count(v => v.Status == VisitStatus.NoShow) })
            .ToDictionaryAsync(g => g.ProviderId, ct);
        var providers = await db.Providers.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        return [.. providers.Select(p => counts.GetValueOrDefault(p.Id) is { } c
            ? new ProviderNoShows(p.Id, p.Name, c.NoShows, c.Recorded, (double)c.NoShows / c.Recorded)
            : new ProviderNoShows(p.Id, p.Name, 0, 0, 0))];
    }
}
