using ZealthyEmr.Domain.Seeding;

namespace ZealthyEmr.Bench;

/// <summary>Workloads 1-3 (dashboard, admin search, availability) and the empty-endpoint floor, at the clinic's current size.</summary>
public sealed class ReadWorkloads(BenchSettings settings, ApiClient api, string adminToken)
{
    private static readonly string[] Searches = ["smith", "olivia", "patel", "grace n", "zhang", "quinn"];

    public async Task<(Latencies Floor, Latencies Dashboard, Latencies Admin, Latencies Availability)> RunAsync(
        IReadOnlyList<(string Token, string PatientId)> dashboards, IReadOnlyList<GeneratedPatient> patients, IReadOnlyList<Guid> providers, DateOnly today)
    {
        var days = Enumerable.Range(1, 40).Select(today.AddDays).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Take(20).ToArray();
        var floor = await RunAsync("GET /api/status (HTTP floor)", _ => ("/api/status", null));
        var dashboard = await RunAsync("GET /api/patients/{id}/dashboard", r =>
        {
            var (token, id) = dashboards[r.Next(dashboards.Count)];
            return ($"/api/patients/{id}/dashboard", token);
        });
        var admin = await RunAsync("GET /api/admin/patients?search=&page=", r =>
        {
            // Half name searches with several pages of matches, half an exact email.
            var byName = r.Next(2) == 0;
            var search = byName ? Searches[r.Next(Searches.Length)] : patients[r.Next(patients.Count)].Email;
            return ($"/api/admin/patients?search={Uri.EscapeDataString(search)}&page={(byName ? 1 + r.Next(3) : 1)}&pageSize=25", adminToken);
        });
        var availability = await RunAsync("GET /api/providers/{id}/availability/{date}", r =>
            ($"/api/providers/{providers[r.Next(providers.Count)]}/availability/{days[r.Next(days.Length)]:yyyy-MM-dd}", adminToken));
        return (floor, dashboard, admin, availability);
    }

    private Task<Latencies> RunAsync(string name, Func<Random, (string Path, string? Token)> next) =>
        LoadRunner.ForDurationAsync(name, settings.ReadClients, settings.Warmup, settings.Duration, settings.AppPid, async r =>
        {
            var (path, token) = next(r);
            return await api.GetAsync(path, token) == System.Net.HttpStatusCode.OK;
        });
}
