using System.Collections.Concurrent;
using System.Diagnostics;

namespace ZealthyEmr.Bench;

/// <summary>Closed-loop load: each client sends its next request when the previous one answered.</summary>
public static class LoadRunner
{
    /// <summary>Runs <paramref name="request"/> for a warm-up, then records it for <paramref name="duration"/>; false counts as a failure.</summary>
    public static async Task<Latencies> ForDurationAsync(string name, int clients, TimeSpan warmup, TimeSpan duration, int? appPid, Func<Random, Task<bool>> request)
    {
        await RunAsync(clients, warmup, request, null);
        var cpu = CpuMeter.Start(appPid);
        return cpu.Stop(await RunAsync(clients, duration, request, name));
    }

    /// <summary>Runs exactly <paramref name="count"/> requests, the n-th of them given n.</summary>
    public static async Task<Latencies> ForCountAsync(string name, int clients, int count, int? appPid, Func<int, Task<bool>> request)
    {
        var cpu = CpuMeter.Start(appPid);
        var samples = new ConcurrentBag<double>();
        var failures = 0;
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var n = Interlocked.Increment(ref next); n < count; n = Interlocked.Increment(ref next))
            {
                var watch = Stopwatch.StartNew();
                var ok = await request(n);
                samples.Add(watch.Elapsed.TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        return cpu.Stop(Latencies.From(name, [.. samples], failures, total.Elapsed, clients));
    }

    private static async Task<Latencies> RunAsync(int clients, TimeSpan duration, Func<Random, Task<bool>> request, string? name)
    {
        var samples = new ConcurrentBag<double>();
        var failures = 0;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c * 7919 + (name?.Length ?? 0));
            while (total.Elapsed < duration)
            {
                var watch = Stopwatch.StartNew();
                var ok = await request(random);
                samples.Add(watch.Elapsed.TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        return Latencies.From(name ?? "warmup", [.. samples], failures, total.Elapsed, clients);
    }
}
