namespace ZealthyEmr.Domain.Analytics;

/// <summary>The admin dashboard's numbers. Weekday and hour buckets count scheduled visits over the same 8 weeks as the provider load.</summary>
public sealed record ClinicAnalytics(
    ClinicTotals Totals,
    DateOnly WeeksFrom,
    IReadOnlyList<ProviderWeeklyLoad> ProviderWeeks,
    CancellationStats Cancellations,
    IReadOnlyList<BucketCount> BusiestWeekdays,
    IReadOnlyList<BucketCount> BusiestHours,
    IReadOnlyList<ProviderNoShows> NoShows);
