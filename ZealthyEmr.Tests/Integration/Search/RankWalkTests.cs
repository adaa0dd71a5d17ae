using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Search;

namespace ZealthyEmr.Tests.Integration.Search;

/// <summary>
/// SQLite's two ways to one page of a search: walking the ranks in name order (many matches) and ordering every match
/// (few). Forced each way over the same 2,000 generated patients, every page of every query must be the same.
/// </summary>
public sealed class RankWalkTests(GeneratedClinicFixture fixture) : IClassFixture<GeneratedClinicFixture>
{
    [Theory]
    [InlineData("av", false)]
    [InlineData("av", true)]
    [InlineData("19", false)]
    [InlineData("ava", false)]
    [InlineData("ava", true)]
    [InlineData("gen00", false)]
    [InlineData("555", true)]
    [InlineData("5550123", false)]
    [InlineData("+1 555 0123", false)]
    [InlineData("15550", false)]
    [InlineData("clinic", false)]
    public async Task EveryPage_IsTheSameWhetherTheRanksAreWalkedOrAllMatchesOrdered(string text, bool descending)
    {
        var walked = await AllPagesAsync(Search(minMatches: 0), text, descending);
        var ordered = await AllPagesAsync(Search(minMatches: int.MaxValue), text, descending);

        Assert.NotEmpty(ordered);
        Assert.Equal(ordered, walked);
    }

    [Theory]
    [InlineData("ava", false)]
    [InlineData("ava", true)]
    [InlineData("clinic", false)]
    [InlineData("gen00", true)]
    [InlineData("dr l", false)]
    [InlineData("555", false)]
    [InlineData("av", false)]
    [InlineData("av", true)]
    [InlineData("19", false)]
    [InlineData("cl", false)]
    [InlineData("o'", false)]
    public async Task EveryPage_IsTheSame_WhenTheWalkTestsEachDocumentsOwnText(string text, bool descending)
    {
        var walked = await AllPagesAsync(Search(minMatches: 0, textWalkMinMatches: 0), text, descending);
        var ordered = await AllPagesAsync(Search(minMatches: int.MaxValue), text, descending);

        Assert.NotEmpty(ordered);
        Assert.Equal(ordered, walked);
    }

    [Fact]
    public async Task ADocumentWithTextBeyondAscii_IsStillFound_WhenTheWalkTestsEachDocumentsOwnText()
    {
        // Neither name starts with the text, so both are "other" matches; only the first one's document has the
        // indexed copies of its text and words (SqliteSearchHaystack), the second is found through FTS5.
        var patients = fixture.App.Services.GetRequiredService<PatientAdminService>();
        var plain = await CreatedAsync(patients, "Kim Javadi", "kim.javadi@clinic.example");
        var accented = await CreatedAsync(patients, "Zoë Javadi", "zoe.javadi@clinic.example");
        await using (var db = await fixture.CreateDbContextAsync())
        {
            var copies = new[] { (SqliteSearchHaystack.Column, "KIM JAVADI\tKIM.JAVADI@CLINIC.EXAMPLE\t"), (SqliteSearchHaystack.WordsColumn, " KIM JAVADI KIM JAVADI CLINIC EXAMPLE ") };
            foreach (var (column, start) in copies)
            {
                // The column's name is one of the two constants above.
                var sql = $"SELECT \"{column}\" AS \"Value\" FROM \"PatientSearchDocuments\" WHERE \"PatientId\" IN ({{0}}, {{1}}) ORDER BY \"Name\"";
                var texts = await db.Database.SqlQueryRaw<string?>(sql, Stored(plain), Stored(accented)).ToListAsync();
                Assert.Equal(2, texts.Count);
                Assert.StartsWith(start, texts[0]);
                Assert.Null(texts[1]);
            }
        }

        // A trigram search, and a short one (a word start).
        foreach (var text in new[] { "javad", "ja" })
        {
            var walked = (await AllPagesAsync(Search(minMatches: 0, textWalkMinMatches: 0), text, descending: false)).SelectMany(p => p).ToList();
            var ordered = (await AllPagesAsync(Search(minMatches: int.MaxValue), text, descending: false)).SelectMany(p => p).ToList();

            Assert.Contains(plain, walked);
            Assert.Contains(accented, walked);
            Assert.Equal(ordered, walked);
        }
    }

    [Fact]
    public async Task ExactEmail_ComesFirst_AndAnArchivedMatch_IsLeftOut_WhenTheRanksAreWalked()
    {
        var walk = Search(minMatches: 0);
        var page = await walk.SearchAsync(new PatientQuery(PageSize: 3, Search: "gen000012@clinic.example"));
        var exact = page.Rows[0];
        Assert.Equal("gen000012@clinic.example", exact.Email, ignoreCase: true);

        var archived = await fixture.App.Services.GetRequiredService<PatientArchiveService>().ArchiveAsync(exact.Id);
        Assert.True(archived.Succeeded, archived.Error?.Message);
        try
        {
            var ids = (await AllPagesAsync(walk, "gen0000", descending: false)).SelectMany(p => p).ToList();
            var ordered = (await AllPagesAsync(Search(minMatches: int.MaxValue), "gen0000", descending: false)).SelectMany(p => p).ToList();

            Assert.DoesNotContain(exact.Id, ids);
            Assert.Equal(ordered, ids);
        }
        finally
        {
            Assert.True((await fixture.App.Services.GetRequiredService<PatientArchiveService>().RestoreAsync(exact.Id)).Succeeded);
        }
    }

    [Fact]
    public async Task AnEmail_IsLookedUpByThePartBeforeTheAt_AndEachDocumentCheckedForTheWholeText()
    {
        // The same part before the '@' at another domain must not match; a longer email holding the whole text must, also
        // when its document has no upper-case copy of its text (a name beyond ASCII), which FTS5 is asked about.
        var patients = fixture.App.Services.GetRequiredService<PatientAdminService>();
        var exact = await CreatedAsync(patients, "Probe Tanaka", "probe.tanaka@alpha.example");
        await CreatedAsync(patients, "Probe Tanaka", "probe.tanaka@beta.example");
        var longer = await CreatedAsync(patients, "Zoë Tanaka", "x.probe.tanaka@alpha.example.org");
        const string text = "probe.tanaka@alpha.example";
        Assert.True(SearchTerms.Parse(text, System.Globalization.CultureInfo.InvariantCulture)!.NeedsTextCheck);

        // Every way to a page: all matches ordered, the ranks walked against FTS5's match, and walked testing the text.
        foreach (var search in new[] { Search(minMatches: int.MaxValue), Search(minMatches: 0), Search(minMatches: 0, textWalkMinMatches: 0) })
        {
            var found = (await AllPagesAsync(search, text, descending: false)).SelectMany(p => p).ToList();
            Assert.Equal([exact, longer], found);
        }
    }

    [Fact]
    public async Task AFamilyNamesMatches_AreOrdered_WhileMatchesSpreadThroughTheNameOrder_AreWalked()
    {
        // 30 patients share a family name no generated patient has: one block of the name order, where a walk would read
        // every entry before it. The generated patients' emails all hold "clinic", spread through the order.
        var patients = fixture.App.Services.GetRequiredService<PatientAdminService>();
        var family = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            family.Add(await CreatedAsync(patients, $"Given{i:D2} Quillfeather", $"given{i:D2}.q@family.example"));
        }

        var search = Search(minMatches: 20, textWalkMinMatches: 20);
        Assert.Equal(SqliteSearchWay.Ordered, await WayAsync(search, "quillfeather"));
        Assert.Equal(SqliteSearchWay.Ordered, await WayAsync(search, "quillfea"));
        // With as many matches as FamilyBlockMaxMatches, the block is no longer looked for.
        Assert.Equal(SqliteSearchWay.TextWalk, await WayAsync(Search(minMatches: 20, textWalkMinMatches: 20, familyBlockMaxMatches: 30), "quillfea"));
        Assert.Equal(SqliteSearchWay.TextWalk, await WayAsync(search, "clinic"));
        Assert.Equal(SqliteSearchWay.RankWalk, await WayAsync(Search(minMatches: 20), "clinic"));

        var found = (await AllPagesAsync(search, "quillfea", descending: false)).SelectMany(p => p).ToList();
        Assert.Equal(family.Order(), found.Order());
    }

    private async Task<SqliteSearchWay> WayAsync(SqlitePatientSearch search, string text)
    {
        await using var db = await fixture.CreateDbContextAsync();
        var terms = SearchTerms.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotNull(terms);
        return await search.WayAsync(db, terms, new PatientQuery(Search: text), count: null, CancellationToken.None);
    }

    // The text walk is off unless asked, so the other tests compare the walk against FTS5's match with the ordering.
    private SqlitePatientSearch Search(int minMatches, int textWalkMinMatches = int.MaxValue, int familyBlockMaxMatches = int.MaxValue) => new(
        fixture.App.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>(),
        fixture.App.Services.GetRequiredService<ClinicCalendar>(),
        Options.Create(new SearchOptions { RankWalkMinMatches = minMatches, TextWalkMinMatches = textWalkMinMatches, FamilyBlockMaxMatches = familyBlockMaxMatches }));

    private static async Task<Guid> CreatedAsync(PatientAdminService patients, string name, string email)
    {
        var created = await patients.CreateAsync(new PatientInput(name, email), "Javadi-Search-Walk-7");
        Assert.True(created.Succeeded, created.Error?.Message);
        return created.Value;
    }

    // As EF stores a Guid in SQLite (upper-case text); a raw Guid parameter would be bound as a blob.
    private static string Stored(Guid id) => id.ToString().ToUpperInvariant();

    private static async Task<List<List<Guid>>> AllPagesAsync(IPatientSearch search, string text, bool descending)
    {
        var pages = new List<List<Guid>>();
        for (var page = 0; ; page++)
        {
            // An odd page size, so pages end inside ranks.
            var result = await search.SearchAsync(new PatientQuery(page, 37, text, Descending: descending));
            if (result.Rows.Count == 0)
            {
                Assert.Equal(result.TotalCount, pages.Sum(p => p.Count));
                return pages;
            }

            pages.Add([.. result.Rows.Select(r => r.Id)]);
        }
    }
}
