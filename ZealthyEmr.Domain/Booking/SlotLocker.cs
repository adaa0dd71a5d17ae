using Medallion.Threading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ZealthyEmr.Domain.Booking;

/// <summary>
/// Takes a slot's lock without waiting. An unreachable lock server costs at most
/// <see cref="BookingOptions.LockUnavailableAfter"/>, after which the caller books under the database guard alone.
/// </summary>
public sealed class SlotLocker(IDistributedLockProvider locks, IOptions<BookingOptions> options, IServiceProvider services, ILogger<SlotLocker> logger)
{
    private readonly IConnectionMultiplexer? redis = services.GetService<IConnectionMultiplexer>();

    internal async Task<(IDistributedSynchronizationHandle? Handle, LockState State)> TryTakeAsync(Guid providerId, DateTime startUtc, CancellationToken ct)
    {
        if (redis is { IsConnected: false })
        {
            // Known down: don't make every booking pay the timeout while StackExchange.Redis reconnects.
            BookingLog.LockUnavailable(logger, null, providerId, startUtc);
            return (null, LockState.Unavailable);
        }

        var attempt = locks.TryAcquireLockAsync(SlotLockKey.For(providerId, startUtc), TimeSpan.Zero, ct).AsTask();
        try
        {
            var handle = await attempt.WaitAsync(options.Value.LockUnavailableAfter, ct);
            if (handle is null && redis is { IsConnected: false })
            {
                // The lock library reports a failed Redis call as "not acquired"; that is an outage, not a holder.
                BookingLog.LockUnavailable(logger, null, providerId, startUtc);
                return (null, LockState.Unavailable);
            }

            return (handle, handle is null ? LockState.Busy : LockState.Acquired);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A late acquisition is released at once rather than left to block the slot until it expires. Asynchronously:
            // a synchronous Dispose is a blocking Redis call on a pool thread, and this path runs when Redis is slow.
            _ = attempt.ContinueWith(t => ReleaseAsync(t.Result), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default).Unwrap();
            BookingLog.LockUnavailable(logger, ex, providerId, startUtc);
            return (null, LockState.Unavailable);
        }
    }

    /// <summary>
    /// Releasing is best effort: if Redis went away mid-booking the key expires by itself, and the
    /// booking that already committed must still be reported as made, without waiting on a wedged connection
    /// longer than <see cref="BookingOptions.LockUnavailableAfter"/>.
    /// </summary>
    internal async Task ReleaseAsync(IDistributedSynchronizationHandle? handle)
    {
        if (handle is null)
        {
            return;
        }

        try
        {
            await handle.DisposeAsync().AsTask().WaitAsync(options.Value.LockUnavailableAfter);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not release a booking lock; it expires by itself");
        }
    }
}
