using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Domain.Accounts;

/// <summary>Authenticator enrolment and recovery codes, through Identity's token providers.</summary>
public sealed class TwoFactorService(UserManager<EmrUser> users, IOptions<AccountSecurityOptions> security, IAuditLog audit)
{
    public const int RecoveryCodeCount = 10;

    /// <summary>
    /// The shared key to show for enrolment; a new one is made the first time (or after a reset). A new key renews the
    /// security stamp, so <c>Created</c> tells the caller to refresh the current sign-in.
    /// </summary>
    public async Task<(string Key, bool Created)> AuthenticatorKeyAsync(EmrUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (!string.IsNullOrEmpty(key))
        {
            return (key, false);
        }

        await users.ResetAuthenticatorKeyAsync(user);
        return ((await users.GetAuthenticatorKeyAsync(user))!, true);
    }

    /// <summary>Turns two factors on when <paramref name="code"/> proves the app holds the key; returns the new recovery codes.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(EmrUser user, string code)
    {
        var digits = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            return null;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        return await NewRecoveryCodesAsync(user);
    }

    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(EmrUser user)
    {
        IReadOnlyList<string> codes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await RecordAsync(user);
        return codes;
    }

    /// <summary>Whether the user's roles require two factors, so the page offers no way to turn them off.</summary>
    public async Task<bool> IsRequiredAsync(EmrUser user)
    {
        foreach (var role in security.Value.RequiredRoles)
        {
            if (await users.IsInRoleAsync(user, role))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Turns two factors off and forgets the key, so a later enrolment starts from a new key.</summary>
    public async Task<bool> DisableAsync(EmrUser user)
    {
        if (await IsRequiredAsync(user))
        {
            return false;
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await RecordAsync(user);
        return true;
    }

    /// <summary>A change to how the user signs in: authenticator on or off, new recovery codes, a passkey added or removed.</summary>
    public Task RecordAsync(EmrUser user) => audit.RecordAsync(AuditAction.TwoFactorChanged, nameof(EmrUser), user.Id);
}
