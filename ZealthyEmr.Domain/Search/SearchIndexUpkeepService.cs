using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Search;

/// <summary>On SQLite, merges the search's FTS5 indexes every <see cref="SearchOptions.IndexUpkeepInterval"/> (<see cref="SqliteSearchIndexUpkeep"/>).</summary>
internal sealed class SearchIndexUpkeepService(
    IDbContextFactory<EmrDbContext> contexts, IOptions<SearchOptions> options, TimeProvider clock, ILogger<SearchIndexUpkeepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.IndexUpkeepInterval;
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var watch = Stopwatch.StartNew();
                await using var db = await contexts.CreateDbContextAsync(stoppingToken);
                var steps = await SqliteSearchIndexUpkeep.MergeAsync(db, stoppingToken);
                if (steps > 0)
                {
                    logger.LogInformation("Merged the search indexes in {Steps} steps ({Elapsed} ms).", steps, watch.ElapsedMilliseconds);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Searches stay correct on an unmerged index, only slower; the next run starts where this one stopped.
                logger.LogWarning(e, "Merging the search indexes failed; trying again in {Interval}.", interval);
            }
        }
    }
}
