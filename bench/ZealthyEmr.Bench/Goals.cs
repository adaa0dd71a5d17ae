using System.Globalization;

namespace ZealthyEmr.Bench;

/// <summary>
/// The issues' goals, each computed from a run the same way for "before" (an earlier run's latest.json) and "after"
/// (this run). Every goal but the absolute ones of issue 6 is a ratio within one run, because absolute times on this
/// shared machine differ twofold between two runs of the same build.
/// </summary>
public static class Goals
{
    /// <summary>Issues 9, 14 and 15: how much slower than before, relative to its floor, anything may get.</summary>
    public const double MaxGrowth = 1.10;

    public static IReadOnlyList<GoalResult> Evaluate(BenchReport after, BenchReport? before, BenchReport? preAudit)
    {
        var goals = new List<GoalResult>();
        void Add(string issue, string name, Func<BenchReport, (string Text, double Value)?> measure, Func<double, bool> met, BenchReport? baseline = null)
        {
            var now = measure(after);
            var then = (baseline ?? before) is { } b ? measure(b) : null;
            goals.Add(new GoalResult(issue, name, then?.Text ?? "-", now?.Text ?? "not measured", now is { } n && met(n.Value)));
        }

        Add("6", "Dashboard p95 < 10 ms", r => ($"{Ms(Largest(r).Dashboard.P95Ms)} ms", Largest(r).Dashboard.P95Ms), v => v < 10);
        Add("6", "Availability p95 < 10 ms", r => ($"{Ms(Largest(r).Availability.P95Ms)} ms", Largest(r).Availability.P95Ms), v => v < 10);
        Add("6", "Admin page with search p95 < 25 ms", r => ($"{Ms(Largest(r).AdminSearch.P95Ms)} ms", Largest(r).AdminSearch.P95Ms), v => v < 25);
        foreach (var name in SearchNames(after))
        {
            Add("15", $"{name}: p95 <= {SearchWorkloads.GoalRatio:0}x dashboard p95", r => Search(r, name), v => v <= SearchWorkloads.GoalRatio);
        }

        Add("15", "8-client bookings/s >= 20% of the SQLite insert floor's rate", r => Throughput(r), v => v >= 0.20);
        Add("15", "1-client booking p50 <= 5x (Redis SET NX PX floor + SQLite insert floor)", r => Uncontended(r), v => v <= 5);
        Add("6", "1-client booking p50 within 3x of lock + write floor", r => Uncontended(r), v => v <= 3);
        Add("6", ">= 500 bookings/s on one instance", r => ($"{r.Booking.Concurrent.PerSecond:0}/s", r.Booking.Concurrent.PerSecond), v => v >= 500);
        Add("6", "Contended race answered in full < 1 s", r => ($"{r.Booking.RaceSeconds * 1000:0} ms", r.Booking.RaceSeconds), v => v < 1);
        Add("6", "Exactly 10 visits from the race", r => ($"{r.Booking.RaceVisitsInDatabase}", r.Booking.RaceVisitsInDatabase), v => (int)v == after.Booking.RaceSlots);
        Add("15", "200 open portal circuits: managed heap < 500 KB and RSS growth < 1 MB per circuit", r => Circuits(r), v => v == 1);
        Add("15", "Live update p95 < 1 s while bookings run", r => LiveUpdate(r), v => v < 1000);
        goals.Add(NothingSlower(after, before));
        if (preAudit is not null)
        {
            var size = CommonSize(after, preAudit);
            Add("9, 14", $"Dashboard p95 / HTTP floor p95 at {size:N0} patients at most {MaxGrowth - 1:P0} above the build before audit and outbox",
                r => DashboardRatio(r, size), v => v <= MaxGrowth * DashboardRatio(preAudit, size)!.Value.Value, preAudit);
            Add("9, 14", $"1-client booking p50 / lock + write floor at most {MaxGrowth - 1:P0} above the build before audit and outbox", r => Uncontended(r), v => v <= MaxGrowth * Uncontended(preAudit)!.Value.Value, preAudit);
        }

        return goals;
    }

    /// <summary>Every workload's p50 over its floor's p50 (bookings/s over the floor's rate), keyed by workload and clinic size.</summary>
    public static Dictionary<string, double> Ratios(BenchReport r)
    {
        var ratios = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var scale in r.Scales)
        {
            foreach (var run in new[] { scale.Dashboard, scale.AdminSearch, scale.Availability }.Concat(scale.Searches ?? []))
            {
                ratios[$"{run.Name} at {scale.Patients:N0}"] = run.P50Ms / scale.HttpFloor.P50Ms;
            }
        }

        ratios[r.Booking.Sequential.Name] = r.Booking.Sequential.P50Ms / LockAndWrite(r);
        // Throughput: slower means a smaller share of the floor's rate, so the inverse grows like a latency ratio.
        ratios[r.Booking.Concurrent.Name] = r.SqliteFloor.PerSecond / r.Booking.Concurrent.PerSecond;
        return ratios;
    }

    public static double LockAndWrite(BenchReport r) => r.RedisFloor.P50Ms + r.SqliteFloor.P50Ms;

    /// <summary>The largest clinic both runs measured, so a run's dashboard is compared with the same clinic size.</summary>
    public static int CommonSize(BenchReport a, BenchReport b) =>
        a.Scales.Select(s => s.Patients).Intersect(b.Scales.Select(s => s.Patients)).DefaultIfEmpty(a.Scales[^1].Patients).Max();

    public static ScaleResult At(BenchReport r, int patients) => r.Scales.FirstOrDefault(s => s.Patients == patients) ?? r.Scales[^1];

    public static (string Text, double Value)? DashboardRatio(BenchReport r, int patients)
    {
        var scale = At(r, patients);
        var ratio = scale.Dashboard.P95Ms / scale.HttpFloor.P95Ms;
        return ($"{Ms(scale.Dashboard.P95Ms)} ms vs {Ms(scale.HttpFloor.P95Ms)} ms ({ratio:0.0}x)", ratio);
    }

    public static (string Text, double Value)? Uncontended(BenchReport r)
    {
        var floor = LockAndWrite(r);
        var ratio = r.Booking.Sequential.P50Ms / floor;
        return ($"p50 {Ms(r.Booking.Sequential.P50Ms)} ms vs {Ms(floor)} ms ({ratio:0.0}x)", ratio);
    }

    private static GoalResult NothingSlower(BenchReport after, BenchReport? before)
    {
        const string name = "Nothing else more than 10% slower relative to its floor (p50 / floor p50; bookings/s / floor rate)";
        if (before is null)
        {
            return new GoalResult("15", name, "-", "not measured (no --baseline run)", false);
        }

        var then = Ratios(before);
        var worst = Ratios(after).Where(a => then.ContainsKey(a.Key)).Select(a => (a.Key, Growth: a.Value / then[a.Key])).OrderByDescending(g => g.Growth).ToList();
        if (worst.Count == 0)
        {
            return new GoalResult("15", name, "-", "not measured (no workload in both runs)", false);
        }

        var slower = worst.Count(w => w.Growth > MaxGrowth);
        return new GoalResult("15", name, $"{worst.Count} workloads compared",
            $"{slower} more than 10% slower; worst: {worst[0].Key} ({worst[0].Growth - 1:+0%;-0%})", slower == 0);
    }

    private static IEnumerable<string> SearchNames(BenchReport r) =>
        (Largest(r).Searches ?? []).Select(s => s.Name[(s.Name.IndexOf('(', StringComparison.Ordinal) + 1)..^1]);

    private static (string, double)? Search(BenchReport r, string name)
    {
        var scale = Largest(r);
        if ((scale.Searches ?? []).FirstOrDefault(s => s.Name.EndsWith($"({name})", StringComparison.Ordinal)) is not { } search)
        {
            return null;
        }

        var ratio = search.P95Ms / scale.Dashboard.P95Ms;
        return ($"{Ms(search.P95Ms)} ms vs {Ms(scale.Dashboard.P95Ms)} ms ({ratio:0.0}x)", ratio);
    }

    private static (string, double)? Throughput(BenchReport r)
    {
        var share = r.Booking.Concurrent.PerSecond / r.SqliteFloor.PerSecond;
        return ($"{r.Booking.Concurrent.PerSecond:0}/s vs {r.SqliteFloor.PerSecond:0}/s ({share:P0})", share);
    }

    private static (string, double)? Circuits(BenchReport r)
    {
        var live = r.LiveCircuits;
        if (live is not { Measured: true })
        {
            return null;
        }

        var met = live.CircuitsOpen == live.CircuitsRequested && live.CircuitsRequested >= 200 && live.GcHeapKbPerCircuit < 500 && live.RssKbPerCircuit < 1024;
        return ($"{live.CircuitsOpen} of {live.CircuitsRequested} open: {live.GcHeapKbPerCircuit:0} KB heap, {live.RssKbPerCircuit:0} KB RSS per circuit", met ? 1 : 0);
    }

    private static (string, double)? LiveUpdate(BenchReport r)
    {
        var live = r.LiveCircuits;
        if (live is not { Measured: true })
        {
            return null;
        }

        var p95 = live.LiveUpdateFailures > 0 ? double.PositiveInfinity : live.LiveUpdate.P95Ms;
        var meanwhile = live.BackgroundBookings > 0 ? $"; {live.BackgroundBookings} bookings ({live.BackgroundBookingsPerSecond:0.0}/s) meanwhile" : "";
        return ($"p95 {Ms(live.LiveUpdate.P95Ms)} ms, {live.LiveUpdateFailures} not shown{meanwhile}", p95);
    }

    private static ScaleResult Largest(BenchReport r) => r.Scales[^1];

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}

/// <summary>One row of the Goals table: the issue it comes from, before (an earlier run) and after (this run).</summary>
public sealed record GoalResult(string Issue, string Goal, string Before, string After, bool Met);
