using System.Diagnostics;
using System.Globalization;

namespace ZealthyEmr.Bench;

/// <summary>
/// CPU spent while a workload ran: the app's (user + system time of its process), the bench's own, and how busy the
/// whole machine was. On two shared cores a workload's latency is mostly its CPU per request queued behind the others',
/// so these say whether a goal is bounded by the work a request does or by waiting.
/// </summary>
public sealed class CpuMeter
{
    private readonly int? appPid;
    private readonly double appStart;
    private readonly TimeSpan benchStart;
    private readonly (long Busy, long Total) machineStart;

    private CpuMeter(int? appPid)
    {
        this.appPid = appPid;
        appStart = AppSeconds(appPid) ?? double.NaN;
        benchStart = Process.GetCurrentProcess().TotalProcessorTime;
        machineStart = MachineTicks();
    }

    public static CpuMeter Start(int? appPid) => new(appPid);

    /// <summary>Adds the CPU per request since <see cref="Start"/> to <paramref name="run"/>.</summary>
    public Latencies Stop(Latencies run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var app = AppSeconds(appPid) - appStart;
        var bench = (Process.GetCurrentProcess().TotalProcessorTime - benchStart).TotalSeconds;
        var (busy, total) = MachineTicks();
        var requests = Math.Max(1, run.Count);
        return run with
        {
            AppCpuMs = app is { } a && !double.IsNaN(a) ? a * 1000 / requests : null,
            BenchCpuMs = bench * 1000 / requests,
            MachineBusy = total > machineStart.Total ? (double)(busy - machineStart.Busy) / (total - machineStart.Total) : null,
        };
    }

    // utime and stime of every thread, in clock ticks (fields 14 and 15 of /proc/<pid>/stat, after the command's parentheses).
    private static double? AppSeconds(int? pid)
    {
        if (pid is not { } id || !File.Exists($"/proc/{id}/stat"))
        {
            return null;
        }

        var stat = File.ReadAllText($"/proc/{id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    // The "cpu" line of /proc/stat: user nice system idle iowait irq softirq steal ...; idle and iowait are not busy.
    private static (long Busy, long Total) MachineTicks()
    {
        if (!File.Exists("/proc/stat"))
        {
            return (0, 0);
        }

        var values = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = values.Sum();
        return (total - values[3] - values[4], total);
    }

    // USER_HZ, which Linux fixes at 100 for what /proc reports.
    private const double TicksPerSecond = 100;
}
