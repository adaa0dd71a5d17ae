using Microsoft.Extensions.Logging;

namespace ZealthyEmr.Domain.Booking;

internal static partial class BookingLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Booking {Outcome} for provider {ProviderId} at {SlotUtc:o} by patient {PatientId}; lock wait {LockWaitMs:0.0} ms, transaction {TransactionMs:0.0} ms")]
    public static partial void Decision(ILogger logger, string outcome, Guid providerId, DateTime slotUtc, Guid patientId, double lockWaitMs, double transactionMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "The booking lock provider is unreachable; booking provider {ProviderId} at {SlotUtc:o} under the database guard alone")]
    public static partial void LockUnavailable(ILogger logger, Exception? exception, Guid providerId, DateTime slotUtc);
}
