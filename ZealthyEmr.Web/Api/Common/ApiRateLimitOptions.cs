using System.ComponentModel.DataAnnotations;

namespace ZealthyEmr.Web.Api.Common;

/// <summary>Fixed windows: logins and anonymous reads per client address, bookings per signed-in user.</summary>
public sealed class ApiRateLimitOptions
{
    public const string Section = "Api:RateLimits";

    [Range(1, 100_000)]
    public int LoginPermitLimit { get; set; } = 10;

    [Range(1, 86_400)]
    public int LoginWindowSeconds { get; set; } = 60;

    [Range(1, 100_000)]
    public int BookingPermitLimit { get; set; } = 20;

    [Range(1, 86_400)]
    public int BookingWindowSeconds { get; set; } = 60;

    [Range(1, 100_000)]
    public int PublicPermitLimit { get; set; } = 60;

    [Range(1, 86_400)]
    public int PublicWindowSeconds { get; set; } = 60;
}
