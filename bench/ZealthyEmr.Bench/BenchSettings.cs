namespace ZealthyEmr.Bench;

/// <summary>Where the app under test runs and how hard to push it; --quick shrinks everything to fit in two minutes.</summary>
public sealed record BenchSettings(Uri App, string DatabasePath, string Redis, int? AppPid, bool Quick, string ResultsFolder)
{
    public IReadOnlyList<int> Scales => Quick ? [500, 2_000] : [1_000, 10_000, 100_000];

    public TimeSpan Duration => Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(8);

    public TimeSpan Warmup => Quick ? TimeSpan.FromSeconds(0.5) : TimeSpan.FromSeconds(1.5);

    /// <summary>Concurrent clients for the read workloads and their HTTP floor.</summary>
    public int ReadClients => 4;

    public int BookingClients => 8;

    public int SequentialBookings => Quick ? 30 : 100;

    public int ConcurrentBookings => Quick ? 150 : 1_000;

    public int FloorSamples => Quick ? 100 : 500;

    /// <summary>Patients without series who book: as many as the contended race has clients.</summary>
    public int Bookers => 100;

    public int DashboardPatients => Quick ? 8 : 32;

    /// <summary>Workload 7: portal dashboards held open in Chromium, and how many of them get a booking to show.</summary>
    public int LiveCircuits => Quick ? 5 : 50;

    public int LiveUpdates => Quick ? 3 : 10;

    public static BenchSettings Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new BenchSettings(
            new Uri(Value("--url") ?? throw new ArgumentException("--url is required")),
            Value("--db") ?? throw new ArgumentException("--db is required"),
            Value("--redis") ?? throw new ArgumentException("--redis is required"),
            int.TryParse(Value("--app-pid"), out var pid) ? pid : null,
            args.Contains("--quick"),
            Value("--out") ?? "bench/results");
    }
}
