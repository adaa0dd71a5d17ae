namespace ZealthyEmr.Domain.Analytics;

/// <summary>
/// No-shows among a provider's visits of the last 90 days whose outcome was recorded (checked in, completed or
/// no-show); <see cref="Rate"/> is 0 when none was recorded.
/// </summary>
public sealed record ProviderNoShows(Guid ProviderId, string Provider, int NoShows, int Recorded, double Rate);
