using System.ComponentModel.DataAnnotations;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Domain.Accounts;

public sealed class AccountSecurityOptions
{
    public const string Section = "Security";

    /// <summary>Comma-separated roles whose users must turn on two factors before they use the portal; empty means none.</summary>
    [MaxLength(200)]
    public string TwoFactorRequiredRoles { get; set; } = "";

    /// <summary>How long an emailed password reset link works.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromMinutes(30);

    public IReadOnlyList<string> RequiredRoles =>
        [.. TwoFactorRequiredRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public bool RolesAreKnown => RequiredRoles.All(r => Roles.All.Contains(r, StringComparer.Ordinal));
}
