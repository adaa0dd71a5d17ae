using System.ComponentModel.DataAnnotations;

namespace ZealthyEmr.Web.Security;

/// <summary>
/// Portal sign-in attempts (and "forgot password" requests), in fixed windows, per client address and per account (the email typed). Both apply:
/// one address cannot spray many accounts, and many addresses cannot hammer one account faster than lockout allows.
/// </summary>
public sealed class SignInRateLimitOptions
{
    public const string Section = "Security:SignInRateLimits";

    [Range(1, 100_000)]
    public int PerAddressPermitLimit { get; set; } = 20;

    [Range(1, 86_400)]
    public int PerAddressWindowSeconds { get; set; } = 60;

    [Range(1, 100_000)]
    public int PerAccountPermitLimit { get; set; } = 10;

    [Range(1, 86_400)]
    public int PerAccountWindowSeconds { get; set; } = 300;

    /// <summary>"Forgot password" requests for one email: enough to retry a lost mail, too few to flood an inbox.</summary>
    [Range(1, 100_000)]
    public int ResetPerAccountPermitLimit { get; set; } = 3;

    [Range(1, 86_400)]
    public int ResetPerAccountWindowSeconds { get; set; } = 900;
}
