using System.Diagnostics;
using Medallion.Threading;

namespace ZealthyEmr.Domain.Locking;

internal sealed class InProcessLock(string name, InProcessLockProvider owner) : IDistributedLock
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public string Name => name;

    public IDistributedSynchronizationHandle? TryAcquire(TimeSpan timeout = default, CancellationToken cancellationToken = default) =>
        TryAcquireAsync(timeout, cancellationToken).AsTask().GetAwaiter().GetResult();

    public IDistributedSynchronizationHandle Acquire(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        TryAcquire(timeout ?? Timeout.InfiniteTimeSpan, cancellationToken) ?? throw new TimeoutException($"Lock {name} was not acquired in time.");

    public async ValueTask<IDistributedSynchronizationHandle?> TryAcquireAsync(TimeSpan timeout = default, CancellationToken cancellationToken = default)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (owner.TryTake(name))
            {
                return new Handle(name, owner);
            }

            if (timeout != Timeout.InfiniteTimeSpan && waited.Elapsed >= timeout)
            {
                return null;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    public async ValueTask<IDistributedSynchronizationHandle> AcquireAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        await TryAcquireAsync(timeout ?? Timeout.InfiniteTimeSpan, cancellationToken) ?? throw new TimeoutException($"Lock {name} was not acquired in time.");

    private sealed class Handle(string name, InProcessLockProvider owner) : IDistributedSynchronizationHandle
    {
        private int released;

        public CancellationToken HandleLostToken => CancellationToken.None;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                owner.Release(name);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
