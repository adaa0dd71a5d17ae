using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Audit;

/// <summary>
/// Writes buffered reads in batches, one transaction per batch, continuing the same hash chain as the writes
/// (<see cref="AuditBatchInsert"/> seals them under the same chain-head lock). Runs a last flush when the host stops gracefully.
/// </summary>
internal sealed class AuditWriter(
    AuditBuffer buffer, IDbContextFactory<EmrDbContext> contexts, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditWriter> logger)
    : BackgroundService
{
    // Measured both ways (HISTORY.md): 100 rows per transaction made a booking behind a backlog of views wait at the
    // median (7-10 ms, the writer took the lock five times as often); 500 leaves the median alone and costs the tail.
    private const int BatchSize = 500;

    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Rows a failed batch could not write; they go first next time, so a database hiccup loses nothing.</summary>
    private readonly List<AuditEvent> pending = [];

    public async Task FlushAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            while (pending.Count > 0 || buffer.Reader.TryPeek(out _))
            {
                while (pending.Count < BatchSize && buffer.Reader.TryRead(out var row))
                {
                    pending.Add(row);
                }

                await using var db = await contexts.CreateDbContextAsync(ct);
                await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
                {
                    await using var tx = await db.Database.BeginTransactionAsync(ct);
                    await AuditBatchInsert.AppendAsync(db, pending, ct);
                    await tx.CommitAsync(ct);
                });
                pending.Clear();
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public override void Dispose()
    {
        gate.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await buffer.Reader.WaitToReadAsync(stoppingToken))
            {
                // Let a burst of reads gather into one transaction.
                await Task.Delay(options.Value.FlushInterval, clock, stoppingToken);
                try
                {
                    await FlushAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Writing {Count} buffered audit events failed; retrying", pending.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the flush below writes what is left.
        }

        await FlushAsync(CancellationToken.None);
    }
}
