namespace ZealthyEmr.Bench;

/// <summary>Where the app under test runs and how hard to push it; --quick shrinks everything to fit in two minutes.</summary>
/// <param name="Baseline">An earlier run's latest.json: the Goals table's "before" column.</param>
/// <param name="PreAudit">A run of the build before the audit trail and outbox (issues 9 and 14): their before/after table.</param>
/// <param name="Bookings">--bookings: one small clinic, short reads, longer booking workloads and no browser; for profiling the booking path.</param>
public sealed record BenchSettings(
    Uri App, string DatabasePath, string Redis, int? AppPid, bool Quick, string ResultsFolder, string? Baseline = null, string? PreAudit = null, bool Bookings = false,
    string AdminPassword = BenchSettings.DemoAdminPassword)
{
    /// <summary>The seeded admin's password; --admin-password runs the bench against an older build that seeded another.</summary>
    public const string DemoAdminPassword = "Lantern-Orbit-Maple-42";

    public IReadOnlyList<int> Scales => Bookings ? [500] : Quick ? [500, 2_000] : [1_000, 10_000, 100_000];

    public TimeSpan Duration => Bookings ? TimeSpan.FromSeconds(3) : Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(8);

    public TimeSpan Warmup => Quick || Bookings ? TimeSpan.FromSeconds(0.5) : TimeSpan.FromSeconds(1.5);

    /// <summary>Concurrent clients for the read workloads and their HTTP floor.</summary>
    public int ReadClients => 4;

    public int BookingClients => 8;

    /// <summary>
    /// Bookings made before the measured ones, as the read workloads have a warm-up: the booking path's code (EF Core's
    /// save with its interceptors, the e-mail and .ics rendering) is otherwise first run, and compiled, inside the
    /// 1-client workload, whose requests then measure the JIT.
    /// </summary>
    public int WarmupBookings => Bookings ? 500 : Quick ? 60 : 1_000;

    public int SequentialBookings => Bookings ? 300 : Quick ? 30 : 100;

    public int ConcurrentBookings => Bookings ? 1_000 : Quick ? 150 : 1_000;

    public int FloorSamples => Quick ? 100 : 500;

    /// <summary>Patients without series who book: as many as the contended race has clients.</summary>
    public int Bookers => 100;

    public int DashboardPatients => Quick ? 8 : 32;

    /// <summary>Workload 7: portal dashboards held open in Chromium, and how many of them get a booking to show.</summary>
    public int LiveCircuits => Quick ? 5 : 200;

    /// <summary>Browser pages signing in at once while workload 7 opens its circuits.</summary>
    public int CircuitOpeners => Quick ? 4 : 8;

    public int LiveUpdates => Quick ? 3 : 10;

    /// <summary>Slots kept aside for the bookings that run in the background while live updates are measured.</summary>
    public int BackgroundBookings => Bookings ? 0 : Quick ? 100 : 400;

    public static BenchSettings Parse(string[] args)
    {
        // The last occurrence wins, so an option given to bench.sh overrides the one bench.sh passes (--out).
        string? Value(string name) => Enumerable.Reverse(args).TakeWhile(a => a != name).LastOrDefault() is { } v && args.Contains(name) ? v : null;
        return new BenchSettings(
            new Uri(Value("--url") ?? throw new ArgumentException("--url is required")),
            Value("--db") ?? throw new ArgumentException("--db is required"),
            Value("--redis") ?? throw new ArgumentException("--redis is required"),
            int.TryParse(Value("--app-pid"), out var pid) ? pid : null,
            args.Contains("--quick"),
            Value("--out") ?? "bench/results",
            Value("--baseline"),
            Value("--pre-audit"),
            args.Contains("--bookings"),
            Value("--admin-password") ?? DemoAdminPassword);
    }
}
