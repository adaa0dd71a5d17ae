namespace ZealthyEmr.Bench;

public sealed record BenchReport(
    string Mode,
    DateTimeOffset StartedAt,
    int ProcessorCount,
    IReadOnlyList<ScaleResult> Scales,
    Latencies SqliteFloor,
    Latencies RedisFloor,
    BookingResult Booking,
    LiveCircuitsResult LiveCircuits,
    double TotalSeconds);
