using System.Globalization;

namespace ZealthyEmr.Bench;

/// <summary>
/// Issue 15's search goal: the admin search (`GET /api/admin/patients?search=`) with 2-, 3- and 8-character text,
/// a phone fragment and a date of birth, each reported as its p95 over the dashboard's p95 of the same run.
/// Texts are drawn from what the generator writes (its first and last names, "+1 555 dddd" phones, birth dates).
/// </summary>
public sealed class SearchWorkloads(BenchSettings settings, ApiClient api, string adminToken)
{
    public const double GoalRatio = 3;

    private static readonly string[] TwoCharacters = ["av", "ch", "zh", "pa", "mi", "ok", "wa"];
    private static readonly string[] ThreeCharacters = ["ava", "che", "zha", "pat", "mil", "oka", "wal"];
    private static readonly string[] EightCharacters = ["Olivia P", "Grace Ng", "Henry Ok", "Victor S", "Quinn Ro", "liam lop"];

    public async Task<IReadOnlyList<Latencies>> RunAsync() =>
    [
        await RunAsync("search, 2 characters", r => TwoCharacters[r.Next(TwoCharacters.Length)]),
        await RunAsync("search, 3 characters", r => ThreeCharacters[r.Next(ThreeCharacters.Length)]),
        await RunAsync("search, 8 characters", r => EightCharacters[r.Next(EightCharacters.Length)]),
        await RunAsync("search, phone fragment", r => $"555 {r.Next(10_000):D4}"),
        // The generator's birth dates, typed as the clinic's en-US short date.
        await RunAsync("search, date of birth", r => new DateOnly(1940, 1, 1).AddDays(r.Next(25_000)).ToString("M/d/yyyy", CultureInfo.InvariantCulture)),
    ];

    private Task<Latencies> RunAsync(string name, Func<Random, string> text) =>
        LoadRunner.ForDurationAsync($"GET /api/admin/patients?search= ({name})", settings.ReadClients, settings.Warmup, settings.Duration, settings.AppPid, async r =>
            await api.GetAsync($"/api/admin/patients?search={Uri.EscapeDataString(text(r))}&page=1&pageSize=25", adminToken) == System.Net.HttpStatusCode.OK);
}
