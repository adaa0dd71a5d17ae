using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Api;

/// <summary>One seeded app for API tests, with tokens for the demo logins fetched once through /api/auth/login.</summary>
public sealed class ApiApp : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> tokens = new();

    public ApiApp()
        : this(new Dictionary<string, string?>
        {
            ["Api:RateLimits:LoginPermitLimit"] = "1000", ["Api:RateLimits:BookingPermitLimit"] = "1000", ["Api:RateLimits:PublicPermitLimit"] = "1000",
        })
    {
    }

    internal ApiApp(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null) => App = new EmrAppFactory(settings: settings, services: services);

    /// <summary>
    /// A cheap GET any signed-in user may make and an anonymous caller may not, for tests that ask "does this token
    /// still work?" (GET /api/providers is public, so it cannot tell).
    /// </summary>
    public const string SignedInProbe = "/api/appointments/availability/Dr%20Kim%20West?date=2030-01-07";

    public EmrAppFactory App { get; }

    public Task InitializeAsync()
    {
        _ = App.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    public HttpClient Anonymous() => App.CreateClient();

    public async Task<HttpClient> AsAsync(string email)
    {
        var token = tokens.TryGetValue(email, out var cached) ? cached : tokens[email] = await LoginAsync(email);
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> LoginAsync(string email, string password = DemoLogins.Password)
    {
        using var client = App.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("token").GetString()!;
    }

    public async Task<Guid> PatientIdAsync(string email)
    {
        await using var db = await CreateDbContextAsync();
        return await db.Patients.Where(p => p.NormalizedEmail == email.ToUpperInvariant()).Select(p => p.Id).SingleAsync();
    }

    public Task<EmrDbContext> CreateDbContextAsync() =>
        App.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();

    /// <summary>Row counts of every table the API writes, to show a refused request changed nothing.</summary>
    public async Task<string> SnapshotAsync()
    {
        await using var db = await CreateDbContextAsync();
        var counts = new[]
        {
            await db.Users.CountAsync(), await db.Patients.CountAsync(), await db.Providers.CountAsync(), await db.Medications.CountAsync(),
            await db.Prescriptions.CountAsync(), await db.AppointmentSeries.CountAsync(), await db.Visits.CountAsync(),
            await db.Visits.CountAsync(v => v.Status == ZealthyEmr.Domain.Appointments.VisitStatus.Cancelled),
        };
        var versions = string.Join(",", await db.Patients.OrderBy(p => p.Id).Select(p => p.Version).ToListAsync())
            + string.Join(",", await db.Providers.OrderBy(p => p.Id).Select(p => p.Version).ToListAsync())
            + string.Join(",", await db.Medications.OrderBy(p => p.Id).Select(p => p.Version).ToListAsync())
            + string.Join(",", await db.Prescriptions.OrderBy(p => p.Id).Select(p => p.Version).ToListAsync())
            + string.Join(",", await db.AppointmentSeries.OrderBy(p => p.Id).Select(p => p.Version).ToListAsync());
        return string.Join("/", counts) + "|" + versions;
    }
}
