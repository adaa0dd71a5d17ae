using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZealthyEmr.Bench;

/// <summary>
/// Reading and writing results, and <c>--render &lt;latest.json&gt; --out &lt;folder&gt; [--baseline x] [--pre-audit y]</c>:
/// the goals and latest.md written again from a finished run against other baselines, with no app running.
/// </summary>
public static class ReportRendering
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static bool Requested(string[] args) => args.Contains("--render");

    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var run = await ReadAsync(Value("--render")) ?? throw new ArgumentException("--render needs a latest.json");
        await WriteAsync(run, Value("--out") ?? "bench/results", Value("--baseline"), Value("--pre-audit"));
        return 0;
    }

    /// <summary>Computes the goals against the baselines and writes latest.json and latest.md; returns the markdown.</summary>
    public static async Task<string> WriteAsync(BenchReport run, string folder, string? baselinePath, string? preAuditPath)
    {
        var baseline = await ReadAsync(baselinePath);
        var preAudit = await ReadAsync(preAuditPath);
        var report = run with { Baseline = Describe(baseline, baselinePath), PreAudit = Describe(preAudit, preAuditPath) };
        report = report with { Goals = Goals.Evaluate(report, baseline, preAudit) };
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "latest.json"), JsonSerializer.Serialize(report, Json));
        var markdown = ReportWriter.Markdown(report, preAudit);
        await File.WriteAllTextAsync(Path.Combine(folder, "latest.md"), markdown);
        return markdown;
    }

    private static async Task<BenchReport?> ReadAsync(string? path)
    {
        if (path is null)
        {
            return null;
        }

        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<BenchReport>(file, Json);
    }

    private static string? Describe(BenchReport? run, string? path) =>
        run is null ? null : $"{Path.GetFileName(path)}: {run.Mode} run started {run.StartedAt:u}";
}
