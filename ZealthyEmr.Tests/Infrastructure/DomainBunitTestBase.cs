using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ZealthyEmr.Domain;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Tests.Infrastructure;

/// <summary>
/// bUnit with the real domain services over a temporary SQLite file holding the demo clinic, so a
/// component test exercises the same queries the app runs.
/// </summary>
public abstract class DomainBunitTestBase : BunitTestBase
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"zealthy-bunit-{Guid.NewGuid():N}.db");

    protected DomainBunitTestBase()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Emr"] = $"Data Source={databasePath}",
            ["Database:SeedDemoData"] = "true",
        }).Build();
        Context.Services.AddSingleton<IConfiguration>(configuration);
        Context.Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Context.Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        // The database initializer asks the environment, as in the app; tests run as "Testing" like EmrAppFactory.
        Context.Services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Testing", ApplicationName = "ZealthyEmr.Web", ContentRootPath = Path.GetTempPath() });
        Context.Services.AddEmrDomain(configuration, Path.GetTempPath());
    }

    protected IServiceProvider Services => Context.Services;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    /// <summary>Signs the component in as the demo user with this email, with their real user id claim.</summary>
    protected async Task SignInAsAsync(string email, string role)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        Authorization.SetAuthorized(email).SetRoles(role).SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(databasePath);
    }
}
