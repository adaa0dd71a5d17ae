using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Tests.Integration;

public sealed class MigrationTests
{
    private static SqliteEmrDbContext Sqlite() => new DesignTimeSqliteFactory().CreateDbContext([]);

    private static SqlServerEmrDbContext SqlServer() => new DesignTimeSqlServerFactory().CreateDbContext([]);

    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = Sqlite();
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteEmrDbContext");
    }

    [Fact]
    public void SqlServerMigrations_MatchTheModel()
    {
        using var db = SqlServer();
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqlServerEmrDbContext");
    }

    [Fact]
    public void SqlServerScript_HasBothFilteredSlotIndexesAndThePasskeysTable()
    {
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE UNIQUE INDEX [UX_Visits_Provider_Slot] ON [Visits] ([ProviderId], [StartUtc]) WHERE [Status] <> 2", script);
        Assert.Contains("CREATE UNIQUE INDEX [UX_Visits_Patient_Slot] ON [Visits] ([PatientId], [StartUtc]) WHERE [Status] <> 2", script);
        Assert.Contains("CREATE TABLE [AspNetUserPasskeys]", script);
    }

    [Fact]
    public async Task RunningApp_BuildsTheSameIdentitySchema_PasskeysIncluded()
    {
        await using var app = new EmrAppFactory();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();

        Assert.NotNull(db.Model.FindEntityType(typeof(IdentityUserPasskey<string>)));
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void SqliteScript_HasBothFilteredSlotIndexes()
    {
        using var db = Sqlite();
        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE UNIQUE INDEX \"UX_Visits_Provider_Slot\" ON \"Visits\" (\"ProviderId\", \"StartUtc\") WHERE [Status] <> 2", script);
        Assert.Contains("CREATE UNIQUE INDEX \"UX_Visits_Patient_Slot\" ON \"Visits\" (\"PatientId\", \"StartUtc\") WHERE [Status] <> 2", script);
    }
}
