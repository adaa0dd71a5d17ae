namespace ZealthyEmr.Bench;

/// <param name="Baseline">What the Goals table's "before" column is (the earlier run's mode and start), when one was given.</param>
/// <param name="PreAudit">The same for the build before the audit trail and outbox (issues 9 and 14).</param>
public sealed record BenchReport(
    string Mode,
    DateTimeOffset StartedAt,
    int ProcessorCount,
    IReadOnlyList<ScaleResult> Scales,
    Latencies SqliteFloor,
    Latencies RedisFloor,
    BookingResult Booking,
    LiveCircuitsResult LiveCircuits,
    double TotalSeconds,
    IReadOnlyList<GoalResult>? Goals = null,
    string? Baseline = null,
    string? PreAudit = null);
