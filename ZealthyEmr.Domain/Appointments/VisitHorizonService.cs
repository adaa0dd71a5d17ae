using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Appointments;

/// <summary>
/// Keeps recurring series materialised as visit rows up to the rolling horizon, so every visit is a
/// real row the unique indexes can guard. Runs at start and then hourly.
/// </summary>
internal sealed class VisitHorizonService(
    IDbContextFactory<EmrDbContext> contexts,
    VisitPlanner planner,
    TimeProvider clock,
    ILogger<VisitHorizonService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                var added = await ExtendAsync(stoppingToken);
                if (added > 0)
                {
                    logger.LogInformation("Extended recurring series by {Count} visits", added);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Extending the visit horizon failed; retrying in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Extends every due series, a batch at a time so one save never holds thousands of rows.</summary>
    public async Task<int> ExtendAsync(CancellationToken ct)
    {
        var horizon = planner.HorizonUtc();
        var added = 0;
        while (await ExtendBatchAsync(horizon, ct) is { Series: > 0 } batch)
        {
            added += batch.Visits;
        }

        return added;
    }

    private async Task<(int Series, int Visits)> ExtendBatchAsync(DateTime horizon, CancellationToken ct)
    {
        const int batchSize = 500;
        var added = 0;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var due = await db.AppointmentSeries
            .Where(s => s.Status == SeriesStatus.Active && s.Repeat != RepeatKind.None && s.MaterializedUntilUtc < horizon)
            .OrderBy(s => s.MaterializedUntilUtc).ThenBy(s => s.Id)
            .Take(batchSize)
            .ToListAsync(ct);

        foreach (var series in due)
        {
            var planned = planner.Plan(series, series.MaterializedUntilUtc, horizon).ToList();
            var times = planned.Select(v => v.StartUtc).ToList();
            var taken = await db.Visits
                .Where(v => v.Status != VisitStatus.Cancelled && times.Contains(v.StartUtc) && (v.ProviderId == series.ProviderId || v.PatientId == series.PatientId))
                .Select(v => v.StartUtc)
                .ToListAsync(ct);

            // A slot someone else booked meanwhile is skipped rather than double-booked.
            var fresh = planned.Where(v => !taken.Contains(v.StartUtc)).ToList();
            db.Visits.AddRange(fresh);
            series.MaterializedUntilUtc = horizon;
            added += fresh.Count;
        }

        await db.SaveChangesAsync(ct);
        return (due.Count, added);
    }
}
