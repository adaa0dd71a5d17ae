namespace ZealthyEmr.Domain.Data;

/// <summary>
/// One SQLite writer at a time within this process, queued in arrival order. SQLite allows one write transaction per
/// file (Microsoft.Data.Sqlite begins them IMMEDIATE), and a writer that finds the lock taken polls for it; queueing the
/// writers here instead hands the lock from one to the next with no sleep in between and no thread blocked while waiting.
/// A writer that waits longer than the command timeout goes ahead ungated and meets SQLite's own busy handling, as it did
/// before the gate, so a transaction opened inside another one can never wait here forever. Writers in other processes
/// are not queued here; they meet the busy timeout (<see cref="SqliteConnectionSetup"/>).
/// </summary>
internal sealed class SqliteWriteGate(TimeSpan timeout) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lock sync = new();
    private Guid? holder;

    public async ValueTask EnterAsync(Guid connectionId, CancellationToken ct)
    {
        if (await gate.WaitAsync(timeout, ct).ConfigureAwait(false))
        {
            Hold(connectionId);
        }
    }

    public void Enter(Guid connectionId)
    {
        if (gate.Wait(timeout))
        {
            Hold(connectionId);
        }
    }

    /// <summary>Lets the next writer in when <paramref name="connectionId"/> holds the gate; otherwise does nothing, so it may be called more than once.</summary>
    public void Exit(Guid connectionId)
    {
        lock (sync)
        {
            if (holder != connectionId)
            {
                return;
            }

            holder = null;
        }

        gate.Release();
    }

    public void Dispose() => gate.Dispose();

    private void Hold(Guid connectionId)
    {
        lock (sync)
        {
            holder = connectionId;
        }
    }
}
