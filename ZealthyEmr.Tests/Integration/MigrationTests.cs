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

    /// <summary>
    /// No SQL Server runs here, so its half of the search is checked in the script the migration generates: the gram
    /// table, the refresh procedure and a trigger of each name the model declares, each in a batch of its own (EXEC).
    /// </summary>
    [Fact]
    public void SqlServerScript_HasTheSearchGramTableProcedureAndEveryDeclaredTrigger()
    {
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE [PatientSearchDocuments]", script);
        Assert.Contains("CREATE TABLE [PatientSearchGrams]", script);
        Assert.Contains("CREATE TYPE [PatientSearchIds] AS TABLE", script);
        Assert.Contains("EXEC(N'CREATE VIEW [PatientSearchSource] AS", script);
        Assert.Contains("EXEC(N'CREATE FUNCTION [PatientSearchGramsOf]", script);
        Assert.Contains("EXEC(N'CREATE PROCEDURE [RefreshPatientSearch]", script);
        Assert.Contains("STRING_AGG(x.[Name], N'' | '')", script);
        Assert.Contains("INSERT INTO [PatientSearchDocuments] ([PatientId], [Name], [Email], [PhoneDigits], [BirthDate], [Providers], [Medications], [Archived]) SELECT", script);
        foreach (var (table, trigger) in DeclaredTriggers(db))
        {
            Assert.Matches($@"EXEC\(N'CREATE TRIGGER \[{trigger}\] ON \[{table}\] AFTER (INSERT|UPDATE|DELETE) AS", script);
        }
    }

    [Fact]
    public void SqliteScript_HasBothFts5IndexesAndEveryDeclaredTrigger()
    {
        using var db = Sqlite();
        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE VIRTUAL TABLE \"PatientSearchTrigrams\" USING fts5(\"Name\", \"Email\", \"PhoneDigits\", \"BirthDate\", \"Providers\", \"Medications\", content='PatientSearchDocuments', content_rowid='Id', tokenize='trigram');", script);
        Assert.Contains("CREATE VIRTUAL TABLE \"PatientSearchWords\" USING fts5(\"Name\", \"Email\", \"PhoneDigits\", \"BirthDate\", \"Providers\", \"Medications\", content='PatientSearchDocuments', content_rowid='Id', tokenize='unicode61', prefix='1 2');", script);
        var triggers = DeclaredTriggers(db).ToList();
        Assert.Equal(17, triggers.Count);
        Assert.All(triggers, t => Assert.Contains($"CREATE TRIGGER \"{t.Trigger}\" AFTER ", script));
    }

    private static IEnumerable<(string Table, string Trigger)> DeclaredTriggers(EmrDbContext db) =>
        db.Model.GetEntityTypes()
            .SelectMany(t => t.GetDeclaredTriggers().Select(trigger => (t.GetTableName()!, trigger.GetDatabaseName()!)))
            .Distinct();
}
