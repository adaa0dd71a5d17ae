using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Notifications;

namespace ZealthyEmr.Domain.Accounts;

/// <summary>
/// Emailed reset links, through the outbox. The token is Identity's (Data Protection, lifetime
/// Security:PasswordResetLifetime) and carries the security stamp, so one use, or any other password change, spends it.
/// </summary>
public sealed class PasswordResetService(UserManager<EmrUser> users, IDbContextFactory<EmrDbContext> contexts, AccountEmails emails)
{
    /// <summary>Queues a link when the address has an account, and does nothing otherwise: the caller answers the same either way.</summary>
    public async Task RequestAsync(string? email, Func<string, string, string> linkFor, CancellationToken ct = default)
    {
        var user = string.IsNullOrWhiteSpace(email) || email.Length > 256 ? null : await users.FindByEmailAsync(email.Trim());
        if (user is not null)
        {
            await SendAsync(user, linkFor, ct);
        }
    }

    /// <summary><paramref name="linkFor"/> makes the link from the user id and the URL-safe token.</summary>
    public async Task SendAsync(EmrUser user, Func<string, string, string> linkFor, CancellationToken ct = default)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var encoded = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.AddOutboxMessage(emails.PasswordReset(user.Email!, linkFor(user.Id, encoded)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The token from a link, or null when it was mangled (a mail client cutting the URL).</summary>
    public static string? DecodeToken(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded) || encoded.Length > 2048)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
