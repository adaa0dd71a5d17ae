using Medallion.Threading;

namespace ZealthyEmr.Domain.Locking;

/// <summary>
/// The embedded default's lock: the same <see cref="IDistributedLockProvider"/> contract as Redis, for a
/// single instance. The database's unique indexes stay the final guard either way.
/// </summary>
public sealed class InProcessLockProvider : IDistributedLockProvider
{
    private readonly HashSet<string> held = [];

    public IDistributedLock CreateLock(string name) => new InProcessLock(name, this);

    internal bool TryTake(string name)
    {
        lock (held)
        {
            return held.Add(name);
        }
    }

    internal void Release(string name)
    {
        lock (held)
        {
            held.Remove(name);
        }
    }
}
