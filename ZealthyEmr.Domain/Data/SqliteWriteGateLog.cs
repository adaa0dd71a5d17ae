using Microsoft.Extensions.Logging;

namespace ZealthyEmr.Domain.Data;

internal static partial class SqliteWriteGateLog
{
    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning,
        Message = "A write waited the whole command timeout ({WaitMs:0} ms) for the SQLite write gate and goes ahead ungated (connection {HolderId} holds it, for {HeldMs:0} ms so far)")]
    public static partial void GaveUp(ILogger logger, double waitMs, Guid? holderId, double heldMs);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning,
        Message = "Connection {ConnectionId} held the SQLite write gate for {HeldMs:0} ms, every other writer of this instance waiting; it let go from:\n{Stack}")]
    public static partial void LongHold(ILogger logger, Guid connectionId, double heldMs, string stack);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning,
        Message = "Connection {ConnectionId} began a write transaction while still holding the SQLite write gate from {HeldMs:0} ms ago: that hold was never let go of, and it keeps the gate")]
    public static partial void Kept(ILogger logger, Guid connectionId, double heldMs);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning,
        Message = "Connection {StaleId} held the SQLite write gate for {HeldMs:0} ms outside any transaction; connection {ConnectionId} goes in in its place")]
    public static partial void TakenOver(ILogger logger, Guid staleId, double heldMs, Guid connectionId);
}
