using Medallion.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ZealthyEmr.Domain.Booking;

/// <summary>
/// Takes a slot's lock without waiting. An unreachable lock server costs at most
/// <see cref="BookingOptions.LockUnavailableAfter"/>, after which the caller books under the database guard alone.
/// </summary>
public sealed class SlotLocker(IDistributedLockProvider locks, IOptions<BookingOptions> options, ILogger<SlotLocker> logger)
{
    internal async Task<(IDistributedSynchronizationHandle? Handle, LockState State)> TryTakeAsync(Guid providerId, DateTime startUtc, CancellationToken ct)
    {
        var attempt = locks.TryAcquireLockAsync(SlotLockKey.For(providerId, startUtc), TimeSpan.Zero, ct).AsTask();
        try
        {
            var handle = await attempt.WaitAsync(options.Value.LockUnavailableAfter, ct);
            return (handle, handle is null ? LockState.Busy : LockState.Acquired);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A late acquisition is released at once rather than left to block the slot until it expires.
            _ = attempt.ContinueWith(t => t.Result?.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion);
            BookingLog.LockUnavailable(logger, ex, providerId, startUtc);
            return (null, LockState.Unavailable);
        }
    }
}
