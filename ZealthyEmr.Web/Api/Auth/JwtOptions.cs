using System.ComponentModel.DataAnnotations;

namespace ZealthyEmr.Web.Api.Auth;

public sealed class JwtOptions
{
    public const string Section = "Jwt";

    /// <summary>
    /// HMAC-SHA256 key: base64 of at least 32 random bytes (<c>openssl rand -base64 32</c>). Required outside
    /// Development and Testing, where a random per-process key is used instead (tokens then die with the process and
    /// are not shared between instances). Every instance behind a load balancer must be configured with the same key.
    /// </summary>
    public string? SigningKey { get; set; }

    [Required]
    public string Issuer { get; set; } = "zealthy-emr";

    [Required]
    public string Audience { get; set; } = "zealthy-emr-api";

    [Range(1, 24 * 60)]
    public int ExpiryMinutes { get; set; } = 60;
}
