using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;
using ZealthyEmr.Web.Components.Pages.Admin.Patients;

namespace ZealthyEmr.Tests.Components.Admin;

public sealed class PatientGridTests : DomainBunitTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        for (var i = 0; i < 30; i++)
        {
            var email = $"grid{i:00}@clinic.test";
            var user = new EmrUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant() };
            db.Users.Add(user);
            db.Patients.Add(new Patient { Name = $"Grid Patient {i:00}", NormalizedName = $"GRID PATIENT {i:00}", Email = email, NormalizedEmail = email.ToUpperInvariant(), UserId = user.Id });
        }

        await db.SaveChangesAsync();
        await SignInAsAsync(DemoLogins.Admin, Roles.Admin);
    }

    [Fact]
    public void FirstPage_ShowsTwentyFiveOfThirtyTwoPatients_InNameOrder()
    {
        var page = Context.RenderWithProviders<PatientGrid>();

        page.WaitForAssertion(() => Assert.Equal(25, Rows(page).Count));
        Assert.Equal("Grid Patient 00", Rows(page)[0]);
        Assert.Contains("1-25 of 32", page.Markup);
    }

    [Fact]
    public void NextPage_ShowsTheRest()
    {
        var page = Context.RenderWithProviders<PatientGrid>();
        page.WaitForAssertion(() => Assert.Equal(25, Rows(page).Count));

        page.Find("button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => Assert.Equal(7, Rows(page).Count));
        Assert.Contains("Mark Johnson", Rows(page));
    }

    [Fact]
    public void SortingByNameTwice_ShowsTheLastFamilyNameFirst()
    {
        var page = Context.RenderWithProviders<PatientGrid>();
        page.WaitForAssertion(() => Assert.Equal(25, Rows(page).Count));

        var header = page.FindAll("th").First(th => th.TextContent.Contains("Name", StringComparison.Ordinal));
        header.QuerySelector(".sortable-column-header")!.Click();
        page.WaitForAssertion(() => Assert.Equal("Grid Patient 00", Rows(page)[0]));
        page.FindAll("th").First(th => th.TextContent.Contains("Name", StringComparison.Ordinal)).QuerySelector(".sortable-column-header")!.Click();

        // Smith is the last family name; "Grid Patient 29" files under its last word, "29", before any letter.
        page.WaitForAssertion(() => Assert.Equal("Lisa Smith", Rows(page)[0]));
    }

    [Fact]
    public void Search_MatchesPartOfAnEmail_IgnoringCase()
    {
        var page = Context.RenderWithProviders<PatientGrid>();
        page.WaitForAssertion(() => Assert.Equal(25, Rows(page).Count));

        page.Find("input[data-testid=patient-search], [data-testid=patient-search] input").Input("LISA@SOME");

        page.WaitForAssertion(() => Assert.Equal(["Lisa Smith"], Rows(page)));
    }

    [Fact]
    public void Search_ByPhoneDigits_FindsThePatientAndHighlightsTheMatch()
    {
        var page = Context.RenderWithProviders<PatientGrid>();
        page.WaitForAssertion(() => Assert.Equal(25, Rows(page).Count));

        page.Find("input[data-testid=patient-search], [data-testid=patient-search] input").Input("555 0101");

        page.WaitForAssertion(() => Assert.Equal(["Lisa Smith"], Rows(page)));
        Assert.Contains(page.FindAll("[data-testid=patient-grid] tbody mark"), m => m.TextContent == "555 0101");
    }

    [Fact]
    public void SearchWithNoMatch_SaysSo()
    {
        var page = Context.RenderWithProviders<PatientGrid>();
        page.WaitForAssertion(() => Assert.Equal(25, Rows(page).Count));

        page.Find("input[data-testid=patient-search], [data-testid=patient-search] input").Input("nobody-here");

        page.WaitForAssertion(() => Assert.Contains("No patient matches \"nobody-here\".", page.Markup));
    }

    [Fact]
    public void SearchFromPageTwo_StartsAtPageOne_AndTheAddressKeepsTheView()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var page = Context.RenderWithProviders<PatientGrid>();
        page.WaitForAssertion(() => Assert.Equal(25, Rows(page).Count));

        page.Find("button[aria-label='Next page']").Click();
        page.WaitForAssertion(() => Assert.Equal(7, Rows(page).Count));
        Assert.Contains("page=2", navigation.Uri);

        page.Find("input[data-testid=patient-search], [data-testid=patient-search] input").Input("grid patient 0");

        page.WaitForAssertion(() => Assert.Equal(10, Rows(page).Count));
        Assert.Contains("q=grid%20patient%200", navigation.Uri);
        Assert.DoesNotContain("page=", navigation.Uri);
    }

    [Fact]
    public void AnAddressWithPageAndSearch_OpensOnThatView()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/admin?q=grid&page=2&size=10");

        var page = Context.RenderWithProviders<PatientGrid>();

        page.WaitForAssertion(() => Assert.Equal("Grid Patient 10", Rows(page).FirstOrDefault()));
        Assert.Equal(10, Rows(page).Count);
        Assert.Equal("grid", page.Find("input[data-testid=patient-search], [data-testid=patient-search] input").GetAttribute("value"));
    }

    private static List<string> Rows(IRenderedComponent<Bunit.Rendering.ContainerFragment> page) =>
        [.. page.FindAll("[data-testid=patient-grid] tbody tr.mud-table-row").Select(r => r.QuerySelector("td")!.TextContent.Trim()).Where(t => t.Length > 0)];
}
