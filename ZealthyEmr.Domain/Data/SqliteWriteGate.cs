using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SQLitePCL;

namespace ZealthyEmr.Domain.Data;

/// <summary>
/// One SQLite writer at a time within this process, queued in arrival order (a writer that waits longer than
/// <see cref="CheckEvery"/> rejoins at the end each time it looks at the holder). SQLite allows one write transaction per
/// file (Microsoft.Data.Sqlite begins them IMMEDIATE), and a writer that finds the lock taken polls for it; queueing the
/// writers here instead hands the lock from one to the next with no sleep in between and no thread blocked while waiting.
/// A writer that waits longer than the command timeout goes ahead ungated and meets SQLite's own busy handling, as it did
/// before the gate, so a transaction opened inside another one can never wait here forever. Writers in other processes
/// are not queued here; they meet the busy timeout (<see cref="SqliteConnectionSetup"/>).
/// <para>
/// The queue is only an optimisation: SQLite itself lets one writer in at a time. So a hold nobody lets go of is taken
/// over. EF raises no event when a transaction is disposed without a commit or rollback (an early return inside it), and
/// a pooled context does not always close its connection then, so such a hold was kept until the command timeout: a
/// full run at 100,000 patients had every writer of the instance wait 30 s behind one. Now a writer that arrives, and
/// every tenth of a second one that waits, looks at the holder's connection: closed, or back in autocommit after its
/// BEGIN (or for <see cref="SlowAfter"/> without one), the hold is over, and once seen over for <see cref="OverFor"/> the
/// writer goes in in its place. A connection
/// that asks again while it still holds the gate keeps it. Take-overs are logged, as is any hold longer than
/// <see cref="SlowAfter"/> (with the stack that let go), so a stall names its cause in the log.
/// </para>
/// </summary>
internal sealed class SqliteWriteGate(TimeSpan timeout, ILogger<SqliteWriteGate>? logger = null, TimeProvider? clock = null) : IDisposable
{
    public static readonly TimeSpan SlowAfter = TimeSpan.FromSeconds(1);

    /// <summary>How often a waiting writer looks whether the hold it waits for is over.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long a hold must have been seen over before it is taken: a holder's COMMIT puts its connection back in
    /// autocommit a moment before EF's committed event lets the gate go, and that moment is not a hold to take.
    /// </summary>
    public static readonly TimeSpan OverFor = TimeSpan.FromMilliseconds(50);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lock sync = new();
    private readonly ILogger log = logger ?? NullLogger<SqliteWriteGate>.Instance;
    private readonly TimeProvider time = clock ?? TimeProvider.System;
    private Guid? holder;
    private DbConnection? holderConnection;
    private long heldSince;
    private bool began;
    private long? overSince;

    public async ValueTask EnterAsync(DbConnection connection, Guid connectionId, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        if (KeptBy(connection, connectionId) || TakenOver(connection, connectionId))
        {
            return;
        }

        // In slices, so a waiting writer can look at the holder between them.
        while (true)
        {
            var left = timeout - time.GetElapsedTime(started);
            if (await gate.WaitAsync(left < CheckEvery ? Positive(left) : CheckEvery, ct).ConfigureAwait(false))
            {
                Hold(connection, connectionId);
                return;
            }

            if (TakenOver(connection, connectionId) || GaveUp(started))
            {
                return;
            }
        }
    }

    public void Enter(DbConnection connection, Guid connectionId)
    {
        var started = time.GetTimestamp();
        if (KeptBy(connection, connectionId) || TakenOver(connection, connectionId))
        {
            return;
        }

        while (true)
        {
            var left = timeout - time.GetElapsedTime(started);
            if (gate.Wait(left < CheckEvery ? Positive(left) : CheckEvery))
            {
                Hold(connection, connectionId);
                return;
            }

            if (TakenOver(connection, connectionId) || GaveUp(started))
            {
                return;
            }
        }
    }

    /// <summary>The holder's BEGIN went through: from now on its connection leaving the transaction means the hold is over.</summary>
    public void Began(Guid connectionId)
    {
        lock (sync)
        {
            if (holder == connectionId)
            {
                began = true;
            }
        }
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

            (holder, holderConnection, since, began, overSince) = (null, null, heldSince, false, null);
        }

        gate.Release();
        var held = time.GetElapsedTime(since);
        if (held >= SlowAfter)
        {
            SqliteWriteGateLog.LongHold(log, connectionId, held.TotalMilliseconds, new StackTrace(1, false).ToString());
        }
    }

    public void Dispose() => gate.Dispose();

    private static TimeSpan Positive(TimeSpan wait) => wait > TimeSpan.Zero ? wait : TimeSpan.Zero;

    /// <summary>A connection runs one transaction at a time: if it still holds the gate, that hold was never let go of.</summary>
    private bool KeptBy(DbConnection connection, Guid connectionId)
    {
        double heldMs;
        lock (sync)
        {
            if (holder != connectionId)
            {
                return false;
            }

            heldMs = time.GetElapsedTime(heldSince).TotalMilliseconds;
            (holderConnection, heldSince, began, overSince) = (connection, time.GetTimestamp(), false, null);
        }

        SqliteWriteGateLog.Kept(log, connectionId, heldMs);
        return true;
    }

    private void Hold(DbConnection connection, Guid connectionId)
    {
        lock (sync)
        {
            (holder, holderConnection, heldSince, began, overSince) = (connectionId, connection, time.GetTimestamp(), false, null);
        }
    }

    /// <summary>
    /// Takes the gate from a holder whose hold has been over (<see cref="HoldIsOver"/>) for <see cref="OverFor"/>. The semaphore
    /// stays taken: its one count passes to this writer, whose exit releases it, while the old holder's exit, if it
    /// ever comes, finds another holder and does nothing.
    /// </summary>
    private bool TakenOver(DbConnection connection, Guid connectionId)
    {
        Guid stale;
        double heldMs;
        lock (sync)
        {
            if (holder is not { } current || !HoldIsOver())
            {
                overSince = null;
                return false;
            }

            overSince ??= time.GetTimestamp();
            if (time.GetElapsedTime(overSince.Value) < OverFor)
            {
                return false;
            }

            (stale, heldMs) = (current, time.GetElapsedTime(heldSince).TotalMilliseconds);
            (holder, holderConnection, heldSince, began, overSince) = (connectionId, connection, time.GetTimestamp(), false, null);
        }

        SqliteWriteGateLog.TakenOver(log, stale, heldMs, connectionId);
        return true;
    }

    /// <summary>
    /// Under the lock. Between the hold and its BEGIN the connection is in autocommit too, so before the BEGIN only a hold
    /// of <see cref="SlowAfter"/> counts as over (its BEGIN stuck behind another process counts too: SQLite still queues them).
    /// </summary>
    private bool HoldIsOver() =>
        holderConnection is SqliteConnection { State: not ConnectionState.Open }
        || ((began || time.GetElapsedTime(heldSince) >= SlowAfter) && !InTransaction(holderConnection));

    private bool GaveUp(long started)
    {
        if (time.GetElapsedTime(started) < timeout)
        {
            return false;
        }

        Guid? current;
        long since;
        lock (sync)
        {
            (current, since) = (holder, heldSince);
        }

        SqliteWriteGateLog.GaveUp(log, time.GetElapsedTime(started).TotalMilliseconds, current, current is null ? 0 : time.GetElapsedTime(since).TotalMilliseconds);
        return true;
    }

    /// <summary>
    /// Whether the holder's connection is open and inside a transaction (SQLite's autocommit flag off). Read from another
    /// thread than the holder's: a connection closing meanwhile reads as not in one, which at worst lets two writers
    /// meet in SQLite's busy handling, as they did before the gate. Another provider's connection is trusted.
    /// </summary>
    private static bool InTransaction(DbConnection? connection)
    {
        try
        {
            return connection switch
            {
                SqliteConnection { State: ConnectionState.Open, Handle: { } handle } => raw.sqlite3_get_autocommit(handle) == 0,
                SqliteConnection => false,
                null => false,
                _ => true,
            };
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }
}
