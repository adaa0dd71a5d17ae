using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Analytics;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Tests.Infrastructure;
using ZealthyEmr.Web.Components.Pages.Admin.Analytics;

namespace ZealthyEmr.Tests.Components.Admin;

/// <summary>The analytics bar charts: an axis scaled to the counts, the counts in a table, a summary a screen reader reads.</summary>
public sealed class AnalyticsChartTests : BunitTestBase
{
    private static readonly DateOnly Nov2 = new(2026, 11, 2);

    public AnalyticsChartTests()
    {
        var options = Options.Create(new ClinicOptions());
        Context.Services.AddSingleton(new ClinicFormat(options, new ClinicCalendar(options, TimeProvider.System)));
    }

    [Theory]
    [InlineData(new[] { 0, 0 }, 1, 1)]
    [InlineData(new[] { 1, 2, 0 }, 2, 1)]
    [InlineData(new[] { 3, 7 }, 8, 2)]
    [InlineData(new[] { 42, 3, 17 }, 50, 10)]
    [InlineData(new[] { 120, 950 }, 1000, 200)]
    public void Axis_EndsAtARoundNumberJustAboveTheHighestCount(int[] counts, int max, int step) =>
        Assert.Equal(new ChartAxis(max, step), ChartAxis.For(counts));

    [Fact]
    public void SmallCounts_AxisStopsAtTheHighestCount_NotAtTwenty()
    {
        var chart = RenderBuckets(("Mon", 1), ("Tue", 2), ("Wed", 0));

        Assert.Equal(["0", "1", "2"], YAxisLabels(chart));
    }

    [Fact]
    public void LargeCounts_AxisGoesToTheNextRoundNumber_InRoundSteps()
    {
        var chart = RenderBuckets(("Mon", 42), ("Tue", 3), ("Wed", 17), ("Thu", 25));

        Assert.Equal(["0", "10", "20", "30", "40", "50"], YAxisLabels(chart));
    }

    [Fact]
    public void Summary_NamesTheRealNumbers_AndDescribesTheChart()
    {
        var chart = RenderBuckets(("Mon", 42), ("Tue", 3), ("Wed", 17), ("Thu", 25));

        var summary = chart.Find("[data-testid=weekdays-summary]");
        Assert.Equal("Visits by weekday: 87 in all, highest 42 on Mon, lowest 3 on Tue.", summary.TextContent.Trim());
        Assert.Equal(summary.Id, chart.Find("[data-testid=weekdays-chart]").GetAttribute("aria-describedby"));
        // The table beside the chart holds every bar's number in the chart's order.
        Assert.Equal(["Mon 42", "Tue 3", "Wed 17", "Thu 25"],
            chart.FindAll("[data-testid=weekdays-row]").Select(r => $"{r.QuerySelector("th")!.TextContent.Trim()} {r.QuerySelector("td")!.TextContent.Trim()}"));
    }

    [Fact]
    public void ProviderLoad_ScalesToTheBusiestWeek_AndSummarisesEachProvider()
    {
        int[] busy = [12, 30, 41, 8, 0, 5, 19, 22];
        int[] quiet = [1, 0, 2, 1, 1, 0, 0, 1];
        var chart = Context.Render<ProviderLoadChart>(p => p
            .Add(c => c.WeeksFrom, Nov2)
            .Add(c => c.Loads, [new ProviderWeeklyLoad(Guid.NewGuid(), "Dr Ada Stone", true, busy), new ProviderWeeklyLoad(Guid.NewGuid(), "Dr Bo Lind", true, quiet)]));

        Assert.Equal(["0", "10", "20", "30", "40", "50"], YAxisLabels(chart));
        var summary = chart.Find("[data-testid=provider-weeks-summary]").TextContent.Trim();
        Assert.Equal(
            "Dr Ada Stone: 137 in all, highest 41 in the week of Nov 16, lowest 0 in the week of Nov 30. "
            + "Dr Bo Lind: 6 in all, highest 2 in the week of Nov 16, lowest 0 in the week of Nov 9.",
            summary);
        Assert.Equal("provider-weeks-summary", chart.Find("[data-testid=provider-weeks-chart]").GetAttribute("aria-describedby"));
    }

    private IRenderedComponent<BucketChart> RenderBuckets(params (string Label, int Count)[] buckets) =>
        Context.Render<BucketChart>(p => p
            .Add(c => c.Title, "Visits by weekday")
            .Add(c => c.TestId, "weekdays")
            .Add(c => c.BucketHeading, "Weekday")
            .Add(c => c.Where, day => $"on {day}")
            .Add(c => c.Buckets, [.. buckets.Select((b, i) => new BucketCount(i, b.Label, b.Count))]));

    /// <summary>The numbers along the vertical axis, bottom to top.</summary>
    private static List<string> YAxisLabels<T>(IRenderedComponent<T> chart)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        [.. chart.FindAll("svg g.mud-charts-yaxis text").Select(t => t.TextContent.Trim())];
}
