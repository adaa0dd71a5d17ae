using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Web.Components.Pages.Admin.Analytics;

namespace ZealthyEmr.Tests.Components.Admin;

/// <summary>Against the untouched demo clinic: 2 patients, 3 providers, 4 active series, 4 monthly prescriptions.</summary>
public sealed class AnalyticsDashboardTests : AdminPageTestBase
{
    [Fact]
    public async Task Totals_ShowTheDemoClinic()
    {
        var page = await RenderAsAdminAsync<AnalyticsDashboard>();

        page.WaitForAssertion(() => Assert.Equal("2", Value(page, "total-patients")));
        Assert.Equal("3", Value(page, "total-providers"));
        Assert.Equal("4", Value(page, "total-active-series"));
        Assert.Equal("4", Value(page, "total-active-prescriptions"));
        Assert.Equal("0.0%", Value(page, "cancellation-rate").Replace(" ", ""));
    }

    [Fact]
    public async Task ProviderLoad_IsTabulatedBesideTheChart_EightWeeksPerProvider()
    {
        var page = await RenderAsAdminAsync<AnalyticsDashboard>();

        page.WaitForAssertion(() => Assert.Equal(3, ProviderRows(page).Count));
        var kim = ProviderRows(page).Single(r => r.QuerySelector("[data-testid=provider-weeks-provider]")!.TextContent.Trim() == "Dr Kim West");
        // Dr Kim West sees Mark weekly: one visit in each of the 8 weeks, 8 in all.
        Assert.Equal(["1", "1", "1", "1", "1", "1", "1", "1"], kim.QuerySelectorAll("[data-testid=provider-weeks-count]").Select(td => td.TextContent.Trim()));
        Assert.Equal("8", kim.QuerySelector("[data-testid=provider-weeks-total]")!.TextContent.Trim());
        var chart = page.FindAll(".mud-chart")[0];
        Assert.Equal(3 * 8, chart.QuerySelectorAll("svg .mud-chart-bar").Length);
        Assert.Equal(["Dr Kim West", "Dr Lin James", "Dr Sally Field"], chart.QuerySelectorAll(".mud-chart-legend-item").Select(l => l.TextContent.Trim()));
        // Every bar of the weekday chart has its number in the table, the empty weekend included.
        var weekdays = page.FindAll("[data-testid=busiest-weekdays-row]").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], weekdays.Keys);
        Assert.Equal("0", weekdays["Sat"]);
        Assert.Equal("0", weekdays["Sun"]);
        Assert.NotEmpty(page.FindAll("[data-testid=busiest-hours-row]"));
    }

    [Fact]
    public async Task AChangeElsewhere_IsReflectedWithoutReloading()
    {
        var page = await RenderAsAdminAsync<AnalyticsDashboard>();
        page.WaitForAssertion(() => Assert.Equal("3", Value(page, "total-providers")));

        var created = await Services.GetRequiredService<ProviderAdminService>().CreateAsync(new ProviderInput("Dr Ada Stone", "Dermatology", []));
        Assert.True(created.Succeeded, created.Error?.Message);

        page.WaitForAssertion(() => Assert.Equal("4", Value(page, "total-providers")));
        Assert.Equal(4, ProviderRows(page).Count);
    }

    private static IReadOnlyList<AngleSharp.Dom.IElement> ProviderRows(IRenderedComponent<AnalyticsDashboard> page) =>
        page.FindAll("[data-testid=provider-weeks] tbody tr");

    private static string Value(IRenderedComponent<AnalyticsDashboard> page, string testId) =>
        page.Find($"[data-testid={testId}-value]").TextContent.Trim();
}
