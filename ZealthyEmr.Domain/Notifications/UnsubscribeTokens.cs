using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Clinic;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// Signed, time-limited unsubscribe tokens, so a link in an email works without signing in and cannot be forged
/// or pointed at another patient. Links are made at send time, so a retried or resent message carries a fresh one.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection, IOptions<NotificationOptions> options, IOptions<ClinicOptions> clinic)
{
    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector("ZealthyEmr.Notifications.Unsubscribe.v1").ToTimeLimitedDataProtector();

    public string Create(Guid patientId, UnsubscribeScope scope) =>
        protector.Protect($"{patientId:N}|{(int)scope}", TimeSpan.FromDays(options.Value.UnsubscribeLinkDays));

    public bool TryRead(string? token, out Guid patientId, out UnsubscribeScope scope)
    {
        (patientId, scope) = (Guid.Empty, UnsubscribeScope.AllEmail);
        if (string.IsNullOrWhiteSpace(token))
        {
            return false;
        }

        try
        {
            var parts = protector.Unprotect(token, out _).Split('|');
            if (parts.Length != 2
                || !Guid.TryParseExact(parts[0], "N", out patientId)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || !Enum.IsDefined((UnsubscribeScope)value))
            {
                return false;
            }

            scope = (UnsubscribeScope)value;
            return true;
        }
        catch (CryptographicException)
        {
            // Tampered, expired or from another key ring: the same answer for all, an invalid link.
            return false;
        }
    }

    /// <summary>The page a person opens from the email body (it asks before changing anything).</summary>
    public string PageUrl(string token) => $"{clinic.Value.PortalUrl.TrimEnd('/')}/notifications/unsubscribe?token={Uri.EscapeDataString(token)}";

    /// <summary>The RFC 8058 one-click target for mail clients' own unsubscribe button (a POST, no page).</summary>
    public string OneClickUrl(string token) => $"{clinic.Value.PortalUrl.TrimEnd('/')}/api/notifications/unsubscribe?token={Uri.EscapeDataString(token)}";

    public static UnsubscribeScope ScopeFor(string kind) => kind switch
    {
        EmailKinds.VisitReminder => UnsubscribeScope.VisitReminders,
        EmailKinds.RefillReminder => UnsubscribeScope.RefillReminders,
        _ => UnsubscribeScope.AllEmail,
    };
}
