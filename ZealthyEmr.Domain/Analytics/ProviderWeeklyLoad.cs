namespace ZealthyEmr.Domain.Analytics;

/// <summary>Scheduled visits per week; week i starts on <see cref="ClinicAnalytics.WeeksFrom"/> + 7·i days (clinic dates).</summary>
public sealed record ProviderWeeklyLoad(Guid ProviderId, string Provider, bool IsActive, IReadOnlyList<int> VisitsPerWeek);
