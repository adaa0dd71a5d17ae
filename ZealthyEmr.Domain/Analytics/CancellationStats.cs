namespace ZealthyEmr.Domain.Analytics;

/// <summary>
/// Cancelled / all visits starting in [<see cref="FromUtc"/>, <see cref="ToUtc"/>): the last 90 days and the next
/// 90 days. Upcoming visits are included because that is where cancellations happen; a window of only past
/// visits would miss most of them. <see cref="Rate"/> is 0 when there are no visits.
/// </summary>
public sealed record CancellationStats(int Cancelled, int Total, double Rate, DateTime FromUtc, DateTime ToUtc);
