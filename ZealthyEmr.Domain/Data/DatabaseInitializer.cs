using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Seeding;

namespace ZealthyEmr.Domain.Data;

/// <summary>Runs once before the app serves: migrations (embedded default), roles, first admin, demo data.</summary>
public sealed class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> database,
    IOptions<BootstrapOptions> bootstrap,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var options = database.Value;
        var isSqlite = options.Provider == DatabaseProvider.Sqlite;

        if (isSqlite)
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync(ct);
            SqliteFileModes.Restrict(db.Database.GetConnectionString());
        }

        if (options.MigrateOnStart ?? isSqlite)
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync(ct);
            await db.Database.MigrateAsync(ct);
            if (isSqlite)
            {
                // WAL lets readers run beside the single writer; the setting is stored in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
        }

        await AccountSeeder.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        await EnsureFirstAdminAsync(services.GetRequiredService<UserManager<EmrUser>>());

        // The demo accounts share a published password: only in Development unless asked for explicitly.
        if (options.SeedDemoData ?? environment.IsDevelopment())
        {
            await ActivatorUtilities.CreateInstance<DemoDataSeeder>(services).SeedAsync(ct);
        }
    }

    private async Task EnsureFirstAdminAsync(UserManager<EmrUser> users)
    {
        var (email, password) = (bootstrap.Value.AdminEmail, bootstrap.Value.AdminPassword);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        // The configured password sits in a settings file or an environment variable: it only opens the door once.
        await AccountSeeder.EnsureUserAsync(users, email, password, Roles.Admin, "Administrator", mustChangePassword: true);
        logger.LogInformation("Created the first admin {Email} from configuration", email);
    }
}
