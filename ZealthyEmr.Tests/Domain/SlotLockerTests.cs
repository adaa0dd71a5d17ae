using Medallion.Threading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Booking;

namespace ZealthyEmr.Tests.Domain;

/// <summary>
/// A lock that Redis grants after the booking stopped waiting for it is released at once, and asynchronously: a
/// synchronous release blocks a pool thread on the same slow connection, and enough of them starve the app.
/// </summary>
public sealed class SlotLockerTests
{
    [Fact]
    public async Task ALateAcquisition_IsReleasedAsynchronously()
    {
        var grant = new TaskCompletionSource<IDistributedSynchronizationHandle?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = Options.Create(new BookingOptions { LockUnavailableAfter = TimeSpan.FromMilliseconds(50) });
        var locker = new SlotLocker(new LateLocks(grant.Task), options, new ServiceCollection().BuildServiceProvider(), NullLogger<SlotLocker>.Instance);

        var (handle, state) = await locker.TryTakeAsync(Guid.NewGuid(), DateTime.UtcNow, CancellationToken.None);
        Assert.Null(handle);
        Assert.Equal(LockState.Unavailable, state);

        var late = new RecordingHandle();
        grant.SetResult(late);
        await late.Released.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(late.DisposedAsync);
        Assert.False(late.DisposedSynchronously);
    }

    private sealed class LateLocks(Task<IDistributedSynchronizationHandle?> grant) : IDistributedLockProvider
    {
        public IDistributedLock CreateLock(string name) => new LateLock(name, grant);
    }

    private sealed class LateLock(string name, Task<IDistributedSynchronizationHandle?> grant) : IDistributedLock
    {
        public string Name => name;

        public IDistributedSynchronizationHandle Acquire(TimeSpan? timeout = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<IDistributedSynchronizationHandle> AcquireAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IDistributedSynchronizationHandle? TryAcquire(TimeSpan timeout = default, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<IDistributedSynchronizationHandle?> TryAcquireAsync(TimeSpan timeout = default, CancellationToken cancellationToken = default) => new(grant);
    }

    private sealed class RecordingHandle : IDistributedSynchronizationHandle
    {
        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool DisposedAsync { get; private set; }

        public bool DisposedSynchronously { get; private set; }

        public CancellationToken HandleLostToken => CancellationToken.None;

        public void Dispose()
        {
            DisposedSynchronously = true;
            Released.TrySetResult();
        }

        public ValueTask DisposeAsync()
        {
            DisposedAsync = true;
            Released.TrySetResult();
            return ValueTask.CompletedTask;
        }
    }
}
