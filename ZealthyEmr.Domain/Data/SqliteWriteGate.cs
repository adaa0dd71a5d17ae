using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ZealthyEmr.Domain.Data;

/// <summary>
/// One SQLite writer at a time within this process, queued in arrival order. SQLite allows one write transaction per
/// file (Microsoft.Data.Sqlite begins them IMMEDIATE), and a writer that finds the lock taken polls for it; queueing the
/// writers here instead hands the lock from one to the next with no sleep in between and no thread blocked while waiting.
/// A writer that waits longer than the command timeout goes ahead ungated and meets SQLite's own busy handling, as it did
/// before the gate, so a transaction opened inside another one can never wait here forever. Writers in other processes
/// are not queued here; they meet the busy timeout (<see cref="SqliteConnectionSetup"/>).
/// Since one holder stalls every writer, a hold longer than <see cref="SlowAfter"/> is logged as a warning with the
/// stack that let go, and a wait that gives up with the holder it gave up on, so a stall names its cause in the log.
/// </summary>
internal sealed class SqliteWriteGate(TimeSpan timeout, ILogger<SqliteWriteGate>? logger = null, TimeProvider? clock = null) : IDisposable
{
    public static readonly TimeSpan SlowAfter = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lock sync = new();
    private readonly ILogger log = logger ?? NullLogger<SqliteWriteGate>.Instance;
    private readonly TimeProvider time = clock ?? TimeProvider.System;
    private Guid? holder;
    private long heldSince;

    public async ValueTask EnterAsync(Guid connectionId, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var entered = await gate.WaitAsync(timeout, ct).ConfigureAwait(false);
        Entered(connectionId, entered, started);
    }

    public void Enter(Guid connectionId)
    {
        var started = time.GetTimestamp();
        Entered(connectionId, gate.Wait(timeout), started);
    }

    /// <summary>Lets the next writer in when <paramref name="connectionId"/> holds the gate; otherwise does nothing, so it may be called more than once.</summary>
    public void Exit(Guid connectionId)
    {
        long since;
        lock (sync)
        {
            if (holder != connectionId)
            {
                return;
            }

            holder = null;
            since = heldSince;
        }

        gate.Release();
        var held = time.GetElapsedTime(since);
        if (held >= SlowAfter)
        {
            SqliteWriteGateLog.LongHold(log, connectionId, held.TotalMilliseconds, new StackTrace(1, false).ToString());
        }
    }

    public void Dispose() => gate.Dispose();

    private void Entered(Guid connectionId, bool entered, long started)
    {
        Guid? current;
        long since;
        lock (sync)
        {
            if (entered)
            {
                holder = connectionId;
                heldSince = time.GetTimestamp();
                return;
            }

            (current, since) = (holder, heldSince);
        }

        SqliteWriteGateLog.GaveUp(log, time.GetElapsedTime(started).TotalMilliseconds, current, current is null ? 0 : time.GetElapsedTime(since).TotalMilliseconds);
    }
}
