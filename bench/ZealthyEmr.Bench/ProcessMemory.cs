using System.Globalization;

namespace ZealthyEmr.Bench;

/// <summary>The app's resident memory as Linux reports it, for workload 7's per-circuit growth.</summary>
public static class ProcessMemory
{
    /// <summary>Median of five readings of /proc/{pid}/status a second apart, right after a full GC in the app.</summary>
    public static async Task<(long VmRssKb, long RssAnonKb)> SampleAsync(int pid)
    {
        var samples = new List<(long, long)>();
        for (var i = 0; i < 5; i++)
        {
            if (i > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            var status = await File.ReadAllLinesAsync($"/proc/{pid}/status");
            long Kb(string field) => status.Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
                .Select(l => long.Parse(l[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault(-1);
            samples.Add((Kb("VmRSS"), Kb("RssAnon")));
        }

        return (samples.Select(s => s.Item1).Order().ElementAt(2), samples.Select(s => s.Item2).Order().ElementAt(2));
    }
}
