namespace ZealthyEmr.Bench;

/// <summary>Workload 7's numbers; <see cref="Note"/> says why when it was not measured.</summary>
public sealed record LiveCircuitsResult(
    bool Measured,
    string? Note,
    int CircuitsRequested,
    int CircuitsOpen,
    double OpenSeconds,
    Latencies Open,
    long RssBeforeKb,
    long RssAfterKb,
    long RssAnonBeforeKb,
    long RssAnonAfterKb,
    double RssKbPerCircuit,
    double RssAnonKbPerCircuit,
    long GcHeapBeforeKb,
    long GcHeapAfterKb,
    double GcHeapKbPerCircuit,
    Latencies LiveUpdate,
    Latencies LiveUpdateFromRequest,
    double LiveUpdateMaxMs,
    int LiveUpdateFailures,
    int BackgroundBookings,
    double BackgroundBookingsPerSecond);
