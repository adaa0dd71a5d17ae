using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ZealthyEmr.Tests.Infrastructure;

/// <summary>
/// The real app on a temporary SQLite file (migrated and seeded by the app itself, as in production).
/// Pass a shared <paramref name="databasePath"/> to run two hosts against one database. The demo clinic is seeded
/// (explicitly: outside Development it is not by default) and the sign-in limits are raised so tests that sign in
/// often measure the app, not the limiter; <paramref name="settings"/> override both (a null SeedDemoData leaves the
/// environment's default).
/// </summary>
public class EmrAppFactory(
    string? databasePath = null,
    string? redis = null,
    IDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null,
    string environment = "Testing")
    : WebApplicationFactory<Program>
{
    public string DatabasePath { get; } = databasePath ?? Path.Combine(Path.GetTempPath(), $"zealthy-test-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={DatabasePath}";

    /// <summary>Where the app writes .eml files when no SMTP host is set: a temp folder, not the source tree.</summary>
    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), $"zealthy-mail-{Guid.NewGuid():N}");

    /// <summary>Serve on a real loopback Kestrel port (for the browser tests) instead of the in-memory server.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        // Outside Development the framework scripts are only found through the build's static web assets manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Emr", ConnectionString);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Redis", redis ?? "");
        // As in Development: tests that need enforced two factors set the roles themselves.
        builder.UseSetting("Security:TwoFactorRequiredRoles", "");
        if (settings?.ContainsKey("Database:SeedDemoData") != true)
        {
            builder.UseSetting("Database:SeedDemoData", "true");
        }

        builder.UseSetting("Security:SignInRateLimits:PerAddressPermitLimit", "10000");
        builder.UseSetting("Security:SignInRateLimits:PerAccountPermitLimit", "10000");
        builder.UseSetting("Email:PickupDirectory", MailDirectory);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(MailDirectory))
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
        if (databasePath is null)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(DatabasePath + suffix);
            }
        }
    }
}
