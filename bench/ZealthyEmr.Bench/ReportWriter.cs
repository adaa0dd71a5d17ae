using System.Globalization;
using System.Text;

namespace ZealthyEmr.Bench;

/// <summary>bench/results/latest.md: every workload beside its floor, and the issue's goals, met or not, at the largest clinic.</summary>
public static class ReportWriter
{
    public static string Markdown(BenchReport report)
    {
        var md = new StringBuilder();
        var largest = report.Scales[^1];
        var lockAndWrite = report.RedisFloor.P50Ms + report.SqliteFloor.P50Ms;
        var booking = report.Booking;
        Line(md, $"# Benchmark results ({report.Mode} mode)");
        Line(md, "");
        Line(md, $"Started {report.StartedAt:u} on {report.ProcessorCount} cores; took {report.TotalSeconds:0} s. Real HTTP on loopback against the Release build, " +
            "with its own redis-server and a fresh SQLite file (WAL). Latencies in ms; ratio = workload p50 / floor p50.");
        Line(md, "");
        Line(md, "## Floors (same run, same machine)");
        Line(md, "");
        Line(md, "| floor | p50 | p95 | p99 | per s |");
        Line(md, "| --- | ---: | ---: | ---: | ---: |");
        Floor(md, report.SqliteFloor);
        Floor(md, report.RedisFloor);
        foreach (var scale in report.Scales)
        {
            Floor(md, scale.HttpFloor with { Name = $"{scale.HttpFloor.Name}, {scale.HttpFloor.Clients} clients, at {scale.Patients:N0} patients" });
        }

        Line(md, "");
        Line(md, "The app has no empty endpoint; `GET /api/status` (anonymous, returns a small record) stands in as the HTTP and middleware floor.");
        Line(md, "");
        Line(md, "## Reads (workloads 1-3) and scaling (workload 6)");
        Line(md, "");
        Line(md, "| workload | patients | clients | p50 | p95 | p99 | per s | failures | ratio to HTTP floor | app working set MB |");
        Line(md, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var scale in report.Scales)
        {
            foreach (var run in new[] { scale.Dashboard, scale.AdminSearch, scale.Availability })
            {
                Line(md, $"| {run.Name} | {scale.Patients:N0} | {run.Clients} | {N(run.P50Ms)} | {N(run.P95Ms)} | {N(run.P99Ms)} | {run.PerSecond:0} | {run.Failures} | " +
                    $"{run.P50Ms / scale.HttpFloor.P50Ms:0.0}x | {scale.AppWorkingSetMb} |");
            }
        }

        Line(md, "");
        Line(md, "## Bookings (workloads 4 and 5)");
        Line(md, "");
        Line(md, "| workload | count | p50 | p95 | p99 | bookings/s | not 201 | ratio to lock + write floor |");
        Line(md, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var run in new[] { booking.Sequential, booking.Concurrent })
        {
            Line(md, $"| {run.Name} | {run.Count} | {N(run.P50Ms)} | {N(run.P95Ms)} | {N(run.P99Ms)} | {run.PerSecond:0} | {run.Failures} | {run.P50Ms / lockAndWrite:0.0}x |");
        }

        Line(md, "");
        Line(md, $"Race: {booking.RaceClients} clients for {booking.RaceSlots} slots of one provider, all answered in {booking.RaceSeconds * 1000:0} ms; " +
            $"{booking.RaceCreated} answered 201, {booking.RaceConflicts} answered 409; {booking.RaceVisitsInDatabase} visits created in the database.");
        Line(md, "");
        Line(md, $"## Goals (at {largest.Patients:N0} patients)");
        Line(md, "");
        Line(md, "| goal | measured | met |");
        Line(md, "| --- | --- | --- |");
        Goal(md, "Dashboard p95 < 10 ms", $"{N(largest.Dashboard.P95Ms)} ms", largest.Dashboard.P95Ms < 10);
        Goal(md, "Availability p95 < 10 ms", $"{N(largest.Availability.P95Ms)} ms", largest.Availability.P95Ms < 10);
        Goal(md, "Admin page with search p95 < 25 ms", $"{N(largest.AdminSearch.P95Ms)} ms", largest.AdminSearch.P95Ms < 25);
        Goal(md, "Uncontended booking within 3x of lock + write floor", $"p50 {N(booking.Sequential.P50Ms)} ms vs {N(lockAndWrite)} ms ({booking.Sequential.P50Ms / lockAndWrite:0.0}x)",
            booking.Sequential.P50Ms <= 3 * lockAndWrite);
        Goal(md, ">= 500 bookings/s on one instance", $"{booking.Concurrent.PerSecond:0}/s", booking.Concurrent.PerSecond >= 500);
        Goal(md, "Contended race answered in full < 1 s", $"{booking.RaceSeconds * 1000:0} ms", booking.RaceSeconds < 1);
        Goal(md, "Exactly 10 visits from the race", $"{booking.RaceVisitsInDatabase}", booking.RaceVisitsInDatabase == booking.RaceSlots);
        Line(md, "| < 500 KB per open portal circuit; live updates < 1 s | not measured (workload 7 not built yet) | - |");
        return md.ToString();
    }

    private static void Floor(StringBuilder md, Latencies floor) =>
        Line(md, $"| {floor.Name} | {N(floor.P50Ms)} | {N(floor.P95Ms)} | {N(floor.P99Ms)} | {floor.PerSecond:0} |");

    private static void Goal(StringBuilder md, string goal, string measured, bool met) => Line(md, $"| {goal} | {measured} | {(met ? "met" : "**not met**")} |");

    private static string N(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');
}
