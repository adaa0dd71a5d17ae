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

    private SqlitePatientSearch Search(int minMatches) => new(
        fixture.App.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>(),
        fixture.App.Services.GetRequiredService<ClinicCalendar>(),
        Options.Create(new SearchOptions { RankWalkMinMatches = minMatches }));

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
