using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Search;

namespace ZealthyEmr.Tests.Integration.Admin;

public sealed class PatientSearchTests(TenThousandPatients clinic) : IClassFixture<TenThousandPatients>
{
    private IPatientSearch Patients => clinic.App.Services.GetRequiredService<IPatientSearch>();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Search_SortedByName_ReturnsTheRightPageOfAllPatients(bool descending)
    {
        await using var db = await clinic.CreateDbContextAsync();
        var all = (await db.Patients.Select(p => p.Name).ToListAsync())
            .OrderBy(PatientNames.SortKey, StringComparer.Ordinal)
            .ToList();
        if (descending)
        {
            all.Reverse();
        }

        var page = await Patients.SearchAsync(new PatientQuery(Page: 37, PageSize: 50, SortBy: PatientSort.Name, Descending: descending));

        Assert.Equal(TenThousandPatients.Generated + 2, page.TotalCount);
        Assert.Equal(all.Skip(37 * 50).Take(50), page.Rows.Select(r => r.Name));
    }

    [Fact]
    public async Task Search_PageSize_IsClampedTo200()
    {
        var page = await Patients.SearchAsync(new PatientQuery(Page: 0, PageSize: 5000));

        Assert.Equal(200, page.Rows.Count);
        Assert.Equal(200, page.PageSize);
    }

    [Fact]
    public async Task Search_PartialNameInAnyCase_FindsEveryMatch()
    {
        var page = await Patients.SearchAsync(new PatientQuery(Search: "  pAgEr 123", PageSize: 100));

        // "pager 123" itself and "pager 1230".."pager 1239".
        Assert.Equal(11, page.TotalCount);
        Assert.Equal(11, page.Rows.Count);
        Assert.All(page.Rows, r => Assert.StartsWith("pager 123", r.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_PartialEmailInAnyCase_FindsThePatient()
    {
        var page = await Patients.SearchAsync(new PatientQuery(Search: "PAGER-4567-"));

        var row = Assert.Single(page.Rows);
        Assert.Equal(1, page.TotalCount);
        Assert.Equal("pager 4567", row.Name);
        Assert.StartsWith("pager-4567-", row.Email, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_SortedByEmailDescending_PutsTheLastEmailFirst()
    {
        await using var db = await clinic.CreateDbContextAsync();
        var last = (await db.Patients.Select(p => p.Email).ToListAsync()).Select(e => e.ToUpperInvariant()).Max(StringComparer.Ordinal);

        var page = await Patients.SearchAsync(new PatientQuery(PageSize: 3, SortBy: PatientSort.Email, Descending: true));

        Assert.Equal(last, page.Rows[0].Email.ToUpperInvariant());
    }

    [Fact]
    public async Task Search_Row_CarriesNextVisitRefillAndCounts()
    {
        var today = clinic.App.Services.GetRequiredService<ClinicCalendar>().Today;

        var page = await Patients.SearchAsync(new PatientQuery(Search: "mark johnson"));

        var mark = Assert.Single(page.Rows);
        Assert.NotNull(mark.NextVisitUtc);
        Assert.Contains(mark.NextVisitProvider, new[] { "Dr Kim West", "Dr Lin James" });
        Assert.Equal(2, mark.ActiveSeries);
        Assert.Equal(2, mark.ActivePrescriptions);
        Assert.Equal(new UpcomingRefill("Lexapro", today.AddDays(3)), mark.NextRefill);
    }
}
