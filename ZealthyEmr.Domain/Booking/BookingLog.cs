using Microsoft.Extensions.Logging;

namespace ZealthyEmr.Domain.Booking;

internal static partial class BookingLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Booking {Outcome} for provider {ProviderId} at {SlotUtc:o} by patient {PatientId}; provider {ProviderMs:0.00} ms, lock wait {LockWaitMs:0.00} ms, " +
            "begin {BeginMs:0.00} ms, slot check {CheckMs:0.00} ms, save {SaveMs:0.00} ms, commit {CommitMs:0.00} ms, lock release {ReleaseMs:0.00} ms, publish {PublishMs:0.00} ms")]
    public static partial void Decision(
        ILogger logger, string outcome, Guid providerId, DateTime slotUtc, Guid patientId,
        double providerMs, double lockWaitMs, double beginMs, double checkMs, double saveMs, double commitMs, double releaseMs, double publishMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "The booking lock provider is unreachable; booking provider {ProviderId} at {SlotUtc:o} under the database guard alone")]
    public static partial void LockUnavailable(ILogger logger, Exception? exception, Guid providerId, DateTime slotUtc);
}
