using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Api;

namespace ZealthyEmr.Tests.Integration.Admin;

/// <summary>The patient list sorts by family name (the last word), then given names: in the API, the search, and for rows stored before the rule.</summary>
public sealed class PatientSortNameTests
{
    private static readonly string[] Names = ["Zed Adams", "Mary Ann de la Cruz", "Adam Zimmer", "Bea Adams"];

    [Fact]
    public async Task AdminPatientsApi_ListsByFamilyNameThenGivenNames_WithAndWithoutASearch()
    {
        await using var api = new ApiApp();
        await api.InitializeAsync();
        using var admin = await api.AsAsync(DemoLogins.Admin);
        var token = Guid.NewGuid().ToString("N")[..8];
        foreach (var (name, i) in Names.Select((n, i) => (n, i)))
        {
            using var created = await admin.PostAsJsonAsync("/api/admin/patients", new { name, email = $"famsort{token}{i}@clinic.test", password = DemoLogins.Password });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        string[] expected = ["Bea Adams", "Zed Adams", "Mary Ann de la Cruz", "Mark Johnson", "Lisa Smith", "Adam Zimmer"];
        Assert.Equal(expected, await NamesAsync(admin, "/api/admin/patients?pageSize=200"));
        // The token is in the emails only, so every match has the same rank and the name order decides.
        Assert.Equal(expected.Where(Names.Contains), await NamesAsync(admin, $"/api/admin/patients?search=famsort{token}"));
    }

    [Fact]
    public async Task Migration_FillsTheSortNameOfRowsStoredBeforeIt_AsTheDomainWould()
    {
        var path = Path.Combine(Path.GetTempPath(), $"zealthy-sortname-{Guid.NewGuid():N}.db");
        try
        {
            // Foreign keys off: these rows stand alone, without the logins the app would create with them.
            await using var db = new SqliteEmrDbContext(new DbContextOptionsBuilder<SqliteEmrDbContext>()
                .UseSqlite($"Data Source={path};Foreign Keys=False;Pooling=False")
                .UseApplicationServiceProvider(IdentityStoreServices.Create())
                .Options);
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_PatientSortName", StringComparison.Ordinal)) - 1]);
            string[] stored = [.. Names, "Cher", "José  Álvarez"];
            foreach (var name in stored)
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "Patients" ("Id", "Name", "NormalizedName", "Email", "NormalizedEmail", "UserId", "CreatedUtc", "UpdatedUtc", "Version")
                    VALUES ({Guid.NewGuid()}, {name}, {name.ToUpperInvariant()}, {name}, {name}, {Guid.NewGuid().ToString()}, {DateTime.UnixEpoch}, {DateTime.UnixEpoch}, {Guid.NewGuid()})
                    """);
            }

            await migrator.MigrateAsync();

            // A projection reads the column itself; loading entities would run the Name setter's own rule instead.
            var filled = await db.Patients.Select(p => new { p.Name, p.SortName }).ToDictionaryAsync(p => p.Name, p => p.SortName);
            Assert.Equal(stored.ToDictionary(n => n, PatientNames.SortKey), filled);
            Assert.Equal("CRUZ MARY ANN DE LA", filled["Mary Ann de la Cruz"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<List<string>> NamesAsync(HttpClient client, string url) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(url)).EnumerateArray().Select(p => p.GetProperty("name").GetString()!)];
}
