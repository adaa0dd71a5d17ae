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
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>
    /// Rows per transaction, sized to the time a row took (<see cref="AuditBatchSizer"/>): up to 500 where rows are cheap
    /// (100 rows per transaction made bookings at 500 patients wait at the median, the writer taking the lock five times
    /// as often; HISTORY.md), fewer where each costs more, so no batch holds the write lock for long.
    /// </summary>
    private int batchSize = AuditBatchSizer.Max;

    /// <summary>Rows a failed batch could not write; they go first next time, so a database hiccup loses nothing.</summary>
    private readonly List<AuditEvent> pending = [];

    public async Task FlushAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            while (pending.Count > 0 || buffer.Reader.TryPeek(out _))
            {
                while (pending.Count < batchSize && buffer.Reader.TryRead(out var row))
                {
                    pending.Add(row);
                }

                await using var db = await contexts.CreateDbContextAsync(ct);
                var held = TimeSpan.Zero;
                await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
                {
                    await using var tx = await db.Database.BeginTransactionAsync(ct);
                    // From BEGIN (the write lock is ours) to the commit: not the wait for the lock.
                    var started = clock.GetTimestamp();
                    await AuditBatchInsert.AppendAsync(db, pending, ct);
                    await tx.CommitAsync(ct);
                    held = clock.GetElapsedTime(started);
                });
                batchSize = AuditBatchSizer.Next(pending.Count, held);
                pending.Clear();
                if (buffer.Reader.TryPeek(out _))
                {
                    // A backlog (a burst of list pages): leave the write lock free about as long as this batch held
                    // it, so a booking mostly finds it free instead of queueing behind batch after batch.
                    await Task.Delay(held, clock, ct);
                }
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
