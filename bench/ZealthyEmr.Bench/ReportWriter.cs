using System.Globalization;
using System.Text;

namespace ZealthyEmr.Bench;

/// <summary>bench/results/latest.md: every workload beside its floor, and the issue's goals, met or not, at the largest clinic.</summary>
public static class ReportWriter
{
    public static string Markdown(BenchReport report, BenchReport? preAudit = null)
    {
        var md = new StringBuilder();
        var largest = report.Scales[^1];
        var lockAndWrite = Goals.LockAndWrite(report);
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
        Line(md, "| workload | patients | clients | p50 | p95 | p99 | per s | failures | ratio to HTTP floor | app working set MB | app CPU ms / request | machine busy |");
        Line(md, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var scale in report.Scales)
        {
            foreach (var run in new[] { scale.Dashboard, scale.AdminSearch, scale.Availability }.Concat(scale.Searches))
            {
                Line(md, $"| {run.Name} | {scale.Patients:N0} | {run.Clients} | {N(run.P50Ms)} | {N(run.P95Ms)} | {N(run.P99Ms)} | {run.PerSecond:0} | {run.Failures} | " +
                    $"{run.P50Ms / scale.HttpFloor.P50Ms:0.0}x | {scale.AppWorkingSetMb} | {Cpu(run)} |");
            }
        }

        Line(md, "");
        Line(md, "## Bookings (workloads 4 and 5)");
        Line(md, "");
        Line(md, "| workload | count | p50 | p95 | p99 | bookings/s | not 201 | ratio to lock + write floor | app CPU ms / request | machine busy |");
        Line(md, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var run in new[] { booking.Sequential, booking.Concurrent })
        {
            Line(md, $"| {run.Name} | {run.Count} | {N(run.P50Ms)} | {N(run.P95Ms)} | {N(run.P99Ms)} | {run.PerSecond:0} | {run.Failures} | {run.P50Ms / lockAndWrite:0.0}x | {Cpu(run)} |");
        }

        if (booking.Concurrent.AppCpuMs is { } perBooking && perBooking > 0)
        {
            Line(md, "");
            Line(md, $"CPU bound: with {booking.Concurrent.AppCpuMs:0.00} ms of the app's CPU per booking, {report.ProcessorCount} cores could book at most " +
                $"{report.ProcessorCount * 1000 / perBooking:0}/s if the app had them to itself ({report.ProcessorCount * 1000 / perBooking / report.SqliteFloor.PerSecond:P0} " +
                $"of the SQLite floor's rate); the bench's own client took {N(booking.Concurrent.BenchCpuMs ?? double.NaN)} ms per booking.");
        }

        Line(md, "");
        var answered = booking.RaceUnanswered == 0 ? "all answered" : $"**{booking.RaceUnanswered} not answered** (client timeout), the rest";
        Line(md, $"Race: {booking.RaceClients} clients for {booking.RaceSlots} slots of one provider, {answered} in {booking.RaceSeconds * 1000:0} ms; " +
            $"{booking.RaceCreated} answered 201, {booking.RaceConflicts} answered 409; {booking.RaceVisitsInDatabase} visits created in the database.");
        Line(md, "");
        LiveCircuits(md, report.LiveCircuits, largest.Patients);
        Line(md, "");
        Line(md, $"## Goals (at {largest.Patients:N0} patients)");
        Line(md, "");
        Line(md, $"Before: {report.Baseline ?? "no earlier run given (--baseline)"}. After: this run. Each goal is judged on this run; " +
            "the ratios are within one run, so before and after compare even though the machine's absolute speed differs between runs.");
        Line(md, "");
        Line(md, "| issue | goal | before | after | met |");
        Line(md, "| --- | --- | --- | --- | --- |");
        foreach (var goal in report.Goals ?? [])
        {
            Line(md, $"| {goal.Issue} | {goal.Goal} | {goal.Before} | {goal.After} | {(goal.Met ? "met" : "**not met**")} |");
        }

        if (preAudit is not null)
        {
            PreAuditTable(md, report, preAudit);
        }

        return md.ToString();
    }

    private static void LiveCircuits(StringBuilder md, LiveCircuitsResult live, int patients)
    {
        Line(md, "## Live circuits (workload 7)");
        Line(md, "");
        if (!live.Measured)
        {
            Line(md, $"Workload 7 {live.Note}.");
            return;
        }

        Line(md, $"At {patients:N0} patients: {live.CircuitsRequested} generated patients sign in through the portal form (`/account/login`), each in its own context of one headless " +
            "Chromium, and keep the dashboard (`/`) open as an interactive circuit (`[data-testid=circuit-ready]`). One more circuit is opened first and left open, " +
            "so the first circuit's one-time costs are in the baseline.");
        Line(md, "");
        Line(md, "| measure | value |");
        Line(md, "| --- | ---: |");
        Line(md, $"| circuits open / requested | {live.CircuitsOpen} / {live.CircuitsRequested} |");
        Line(md, $"| all opened in ({live.Open.Clients} at a time) | {live.OpenSeconds:0.0} s |");
        Line(md, $"| sign in + dashboard until circuit-ready, p50 / p95 | {N(live.Open.P50Ms)} / {N(live.Open.P95Ms)} ms |");
        Line(md, $"| app RSS (VmRSS) before / after | {live.RssBeforeKb / 1024.0:0.0} / {live.RssAfterKb / 1024.0:0.0} MB |");
        Line(md, $"| **RSS growth per open circuit** | **{live.RssKbPerCircuit:0} KB** |");
        Line(md, $"| anonymous RSS (RssAnon, heap without mapped files) before / after | {live.RssAnonBeforeKb / 1024.0:0.0} / {live.RssAnonAfterKb / 1024.0:0.0} MB |");
        Line(md, $"| anonymous RSS growth per open circuit | {live.RssAnonKbPerCircuit:0} KB |");
        Line(md, $"| managed heap after a full GC, before / after | {live.GcHeapBeforeKb / 1024.0:0.0} / {live.GcHeapAfterKb / 1024.0:0.0} MB |");
        Line(md, $"| **managed heap growth per open circuit** | **{live.GcHeapKbPerCircuit:0} KB** |");
        Line(md, "");
        Line(md, "Before any counted page, and again once all circuits are open and idle, the bench makes the app run a full blocking GC from outside " +
            "(an EventPipe session with the GCHeapCollect keyword, as dotnet-gcdump does) and reads the managed heap's size after it (GCHeapStats), then the " +
            "process's RSS from `/proc/<pid>/status`, the median of five readings a second apart; per circuit = (after - before) / circuits open. RSS growth " +
            "is all the server state an open page costs (circuit, component tree, render buffers, SignalR connection and its pipes, DI scope, change-feed " +
            "subscription) whatever the browser does, plus memory the GC keeps committed for reuse (server GC on this machine); the managed heap growth is " +
            "the live objects alone.");
        Line(md, "");
        Line(md, "| live update | count | p50 | p95 | max | not shown within 10 s |");
        Line(md, "| --- | ---: | ---: | ---: | ---: | ---: |");
        Line(md, $"| {live.LiveUpdate.Name} | {live.LiveUpdate.Count} | {N(live.LiveUpdate.P50Ms)} | {N(live.LiveUpdate.P95Ms)} | {N(live.LiveUpdateMaxMs)} | {live.LiveUpdateFailures} |");
        Line(md, $"| {live.LiveUpdateFromRequest.Name} | {live.LiveUpdateFromRequest.Count} | {N(live.LiveUpdateFromRequest.P50Ms)} | {N(live.LiveUpdateFromRequest.P95Ms)} | " +
            $"{N(live.LiveUpdateFromRequest.P99Ms)} | {live.LiveUpdateFailures} |");
        Line(md, "");
        Line(md, "Each live update books a free slot in the next few days for the patient whose dashboard is open (`POST /api/appointments/book` with that " +
            "patient's token), starts the clock when the 201 has been read, and stops it when the page's text contains the visit's \"ddd, MMM d · h:mm tt\" (as the dashboard writes it) " +
            "(polled every 5 ms in the page). The app publishes the change when the booking commits, so the page can already show it when the 201 arrives; " +
            "the second row counts from the moment the POST was sent. Meanwhile " + $"{ZealthyEmr.Bench.LiveCircuits.BackgroundClients} clients book other patients' free slots " +
            $"one after another ({live.BackgroundBookings} bookings, {live.BackgroundBookingsPerSecond:0.0}/s), so the update competes with write traffic.");
    }

    /// <summary>Issues 9 and 14: the build before the audit trail and outbox against this one, each against its own run's floors.</summary>
    private static void PreAuditTable(StringBuilder md, BenchReport after, BenchReport before)
    {
        Line(md, "");
        Line(md, $"### Before/after the audit trail and outbox (issues 9 and 14; at most {Goals.MaxGrowth - 1:P0} growth relative to the floors)");
        Line(md, "");
        var size = Goals.CommonSize(after, before);
        Line(md, $"Before: {after.PreAudit}. After: this run. Dashboard at {size:N0} patients (the largest clinic both runs measured); floors from the same run.");
        Line(md, "");
        Line(md, "| measure | before | after | growth |");
        Line(md, "| --- | ---: | ---: | ---: |");
        void Row(string name, Func<BenchReport, double> value, bool ratio)
        {
            var (b, a) = (value(before), value(after));
            Line(md, $"| {name} | {(ratio ? $"{b:0.00}x" : N(b))} | {(ratio ? $"{a:0.00}x" : N(a))} | {(ratio ? (a / b - 1).ToString("+0%;-0%", CultureInfo.InvariantCulture) : "")} |");
        }

        Row("dashboard p95, ms", r => Goals.At(r, size).Dashboard.P95Ms, false);
        Row("HTTP floor p95, ms", r => Goals.At(r, size).HttpFloor.P95Ms, false);
        Row("**dashboard p95 / HTTP floor p95**", r => Goals.At(r, size).Dashboard.P95Ms / Goals.At(r, size).HttpFloor.P95Ms, true);
        Row("dashboard p50 / HTTP floor p50", r => Goals.At(r, size).Dashboard.P50Ms / Goals.At(r, size).HttpFloor.P50Ms, true);
        Row("booking, 1 client, p50, ms", r => r.Booking.Sequential.P50Ms, false);
        Row("lock + write floor (Redis SET NX PX p50 + SQLite insert p50), ms", Goals.LockAndWrite, false);
        Row("**booking p50 / lock + write floor**", r => r.Booking.Sequential.P50Ms / Goals.LockAndWrite(r), true);
        Row("bookings/s with 8 clients / SQLite floor rate", r => r.Booking.Concurrent.PerSecond / r.SqliteFloor.PerSecond, true);
    }

    // The app's CPU per request, and the share of the machine's cores busy meanwhile (the app, the bench, redis, neighbours).
    private static string Cpu(Latencies run) =>
        $"{(run.AppCpuMs is { } cpu ? N(cpu) : "-")} | {(run.MachineBusy is { } busy ? busy.ToString("P0", CultureInfo.InvariantCulture) : "-")}";

    private static void Floor(StringBuilder md, Latencies floor) =>
        Line(md, $"| {floor.Name} | {N(floor.P50Ms)} | {N(floor.P95Ms)} | {N(floor.P99Ms)} | {floor.PerSecond:0} |");

    private static string N(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');
}
