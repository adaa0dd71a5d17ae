using Microsoft.AspNetCore.Components;
using ZealthyEmr.Domain.Analytics;
using ZealthyEmr.Domain.Changes;

namespace ZealthyEmr.Web.Components.Pages.Admin.Analytics;

public partial class AnalyticsDashboard
{
    private static readonly DayOfWeek[] MondayFirst =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private ClinicAnalytics? data;
    private IReadOnlyList<BucketCount> weekdays = [];
    private IReadOnlyList<BucketCount> hours = [];

    [Inject]
    private AnalyticsService Analytics { get; set; } = default!;

    protected override Task OnInitializedAsync() => ReloadAsync();

    // Nearly every change moves some number here, and the queries are aggregates, so any change re-reads.
    protected override bool IsRelevant(EmrChange change) => true;

    protected override async Task ReloadAsync()
    {
        var a = await Analytics.GetAsync();
        weekdays = [.. MondayFirst.Select(d => a.BusiestWeekdays.First(b => b.Bucket == (int)d)).Select(b => b with { Label = b.Label[..3] })];
        hours = HoursWithVisits(a.BusiestHours);
        data = a;
    }

    /// <summary>The hours from the first to the last with a visit, so the chart is not mostly empty night.</summary>
    private static IReadOnlyList<BucketCount> HoursWithVisits(IReadOnlyList<BucketCount> busiest)
    {
        var byHour = busiest.OrderBy(b => b.Bucket).ToList();
        var busy = byHour.Where(b => b.Count > 0).Select(b => b.Bucket).ToList();
        return busy.Count == 0 ? byHour : [.. byHour.Where(b => b.Bucket >= busy.Min() && b.Bucket <= busy.Max())];
    }

    private static IEnumerable<(string Label, string Value, string? Caption, string TestId)> Cards(ClinicAnalytics a)
    {
        var t = a.Totals;
        var c = a.Cancellations;
        yield return ("Patients", $"{t.Patients:N0}", null, "total-patients");
        yield return ("Providers", $"{t.Providers:N0}", $"{t.ActiveProviders:N0} active", "total-providers");
        yield return ("Active series", $"{t.ActiveSeries:N0}", "Recurring appointments", "total-active-series");
        yield return ("Visits, next 7 days", $"{t.VisitsNext7Days:N0}", null, "total-visits-7");
        yield return ("Visits, next 30 days", $"{t.VisitsNext30Days:N0}", null, "total-visits-30");
        yield return ("Active prescriptions", $"{t.ActivePrescriptions:N0}", null, "total-active-prescriptions");
        yield return ("Refills, next 7 days", $"{t.RefillsNext7Days:N0}", "Today included", "total-refills-7");
        yield return ("Refills, next 30 days", $"{t.RefillsNext30Days:N0}", "Today included", "total-refills-30");
        yield return ("Cancellation rate", c.Total == 0 ? "—" : c.Rate.ToString("P1"),
            $"{c.Cancelled:N0} of {c.Total:N0} visits, last 90 and next 90 days", "cancellation-rate");
    }
}
