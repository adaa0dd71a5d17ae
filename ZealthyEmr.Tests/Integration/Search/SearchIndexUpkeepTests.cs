using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Search;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Search;

/// <summary>The search's FTS5 indexes merged into one b-tree each, by the upkeep service and by the bulk loader.</summary>
public sealed class SearchIndexUpkeepTests() : OwnAppTestBase(new EmrAppFactory())
{
    [Fact]
    public async Task Merging_LeavesFewerPages_TheSameMatches_AndNothingForTheNextRun()
    {
        await FragmentAsync(24);
        var search = App.Services.GetRequiredService<IPatientSearch>();
        var before = await MatchesAsync(search);
        var pages = await PagesAsync();

        await using var db = await CreateDbContextAsync();
        Assert.True(await SqliteSearchIndexUpkeep.MergeAsync(db) > 0);

        var merged = await PagesAsync();
        Assert.All(SqliteSearchIndexUpkeep.Indexes, index => Assert.True(merged[index] < pages[index], $"{index}: {pages[index]} pages, then {merged[index]}"));
        foreach (var index in SqliteSearchIndexUpkeep.Indexes)
        {
            // FTS5 checks the index against its content table and fails the statement if they disagree.
            var check = $"INSERT INTO \"{index}\"(\"{index}\") VALUES('integrity-check')";
            await db.Database.ExecuteSqlRawAsync(check);
        }

        Assert.NotEmpty(before);
        Assert.Equal(before, await MatchesAsync(search));
        Assert.Equal(0, await SqliteSearchIndexUpkeep.MergeAsync(db));
    }

    [Fact]
    public async Task TheService_MergesOnItsInterval()
    {
        await FragmentAsync(24);
        var pages = await PagesAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logger = new ListLogger<SearchIndexUpkeepService>();
        var options = Options.Create(new SearchOptions { IndexUpkeepInterval = TimeSpan.FromMinutes(10) });
        using var service = new SearchIndexUpkeepService(App.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>(), options, clock, logger);
        await service.StartAsync(CancellationToken.None);
        try
        {
            // The service starts its timer on a thread of its own (BackgroundService), so the clock moves a minute at a
            // time until the run is logged; it must not come before the interval has passed.
            await Task.Delay(200);
            Assert.Empty(logger.Entries);
            var advanced = TimeSpan.Zero;
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (logger.Entries.Count == 0)
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                advanced += TimeSpan.FromMinutes(1);
                await Task.Delay(100, deadline.Token);
            }

            Assert.True(advanced >= TimeSpan.FromMinutes(10), $"ran after {advanced}");
            var entry = Assert.Single(logger.Entries);
            Assert.True(entry.Level == LogLevel.Information, entry.Message);
            Assert.StartsWith("Merged the search indexes", entry.Message, StringComparison.Ordinal);
            Assert.True((await PagesAsync())[SqliteSearchSchema.TrigramIndex] < pages[SqliteSearchSchema.TrigramIndex]);
            await using var db = await CreateDbContextAsync();
            Assert.Equal(0, await SqliteSearchIndexUpkeep.MergeAsync(db));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task TheClinicGenerator_LeavesTheIndexesMerged()
    {
        // The demo seed wrote its patients in transactions of their own, so the indexes start with several segments.
        var options = new ClinicGeneratorOptions { Patients = 300, EmailPrefix = "upkeep", PasswordHash = null };
        await new ClinicGenerator(App.Services.GetRequiredService<ClinicCalendar>()).GenerateAsync(App.ConnectionString, options);

        await using var db = await CreateDbContextAsync();
        Assert.Equal(0, await SqliteSearchIndexUpkeep.MergeAsync(db));
        var generated = await App.Services.GetRequiredService<IPatientSearch>().SearchAsync(new PatientQuery(0, 5, "upkeep"));
        Assert.Equal(300, generated.TotalCount);
    }

    /// <summary>
    /// Changes every document and changes it back, each in a transaction of its own: each one adds segments to both
    /// indexes and leaves the old entries behind. An even number, so the documents end as they were.
    /// </summary>
    private async Task FragmentAsync(int transactions)
    {
        await using var db = await CreateDbContextAsync();
        for (var i = 0; i < transactions; i++)
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync(i % 2 == 0
                ? "UPDATE \"PatientSearchDocuments\" SET \"Email\" = \"Email\" || '#'"
                : "UPDATE \"PatientSearchDocuments\" SET \"Email\" = substr(\"Email\", 1, length(\"Email\") - 1)");
            await tx.CommitAsync();
        }
    }

    private static async Task<List<Guid>> MatchesAsync(IPatientSearch search)
    {
        // Demo patients: their emails' domain, and a word start.
        var trigram = await search.SearchAsync(new PatientQuery(0, 100, "email-prov"));
        var word = await search.SearchAsync(new PatientQuery(0, 100, "li"));
        return [.. trigram.Rows.Select(r => r.Id), .. word.Rows.Select(r => r.Id)];
    }

    private async Task<Dictionary<string, int>> PagesAsync()
    {
        await using var db = await CreateDbContextAsync();
        var pages = new Dictionary<string, int>();
        foreach (var index in SqliteSearchIndexUpkeep.Indexes)
        {
            // The index's own table names are these constants followed by FTS5's fixed suffix.
            var sql = $"SELECT count(*) AS \"Value\" FROM \"{index}_data\"";
            pages[index] = await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
        }

        return pages;
    }

    private async Task<EmrDbContext> CreateDbContextAsync() =>
        await App.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
}
