namespace ZealthyEmr.Bench;

/// <summary>Measured request latencies of one workload and the throughput they add up to.</summary>
/// <param name="AppCpuMs">The app's CPU time per request while the workload ran (null where not measured, as in older runs).</param>
/// <param name="BenchCpuMs">The bench's own CPU time per request (its HTTP client) in the same time.</param>
/// <param name="MachineBusy">Share of all cores' time that was busy, whoever used it.</param>
public sealed record Latencies(string Name, int Count, int Failures, double P50Ms, double P95Ms, double P99Ms, double PerSecond, int Clients,
    double? AppCpuMs = null, double? BenchCpuMs = null, double? MachineBusy = null)
{
    public static Latencies From(string name, IReadOnlyList<double> millis, int failures, TimeSpan elapsed, int clients)
    {
        var sorted = millis.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Latencies(name, sorted.Length, failures, At(0.50), At(0.95), At(0.99), sorted.Length / elapsed.TotalSeconds, clients);
    }
}
