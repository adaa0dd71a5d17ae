using Microsoft.AspNetCore.Identity;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Domain.Accounts;

/// <summary>
/// Every way a password changes. Each one goes through Identity, which validates the new password and renews the
/// security stamp, so the user's other cookies, circuits and bearer tokens stop working.
/// </summary>
public sealed class PasswordService(UserManager<EmrUser> users)
{
    /// <summary>The user's own change: proves the current password and clears a must-change flag.</summary>
    public async Task<IdentityResult> ChangeAsync(EmrUser user, string currentPassword, string newPassword)
    {
        if (currentPassword == newPassword)
        {
            return Refused("NewPasswordSameAsCurrent", "Choose a password different from the current one.");
        }

        var mustChange = user.MustChangePassword;
        user.MustChangePassword = false;
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            user.MustChangePassword = mustChange;
        }

        return result;
    }

    /// <summary>A token for the emailed reset link, or null when no account has this email (the caller answers the same either way).</summary>
    public async Task<(EmrUser User, string Token)?> CreateResetTokenAsync(string email)
    {
        var user = string.IsNullOrWhiteSpace(email) || email.Length > 256 ? null : await users.FindByEmailAsync(email.Trim());
        return user is null ? null : (user, await users.GeneratePasswordResetTokenAsync(user));
    }

    /// <summary>Completes a reset link. The stamp changes, so the same link cannot be used twice.</summary>
    public async Task<IdentityResult> ResetAsync(string email, string token, string newPassword)
    {
        var user = string.IsNullOrWhiteSpace(email) || email.Length > 256 ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return Refused("InvalidToken", users.ErrorDescriber.InvalidToken().Description);
        }

        var mustChange = user.MustChangePassword;
        user.MustChangePassword = false;
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded)
        {
            user.MustChangePassword = mustChange;
            return result;
        }

        // The person proved they hold the mailbox; a lockout from someone else's guesses should not keep them out.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return result;
    }

    /// <summary>An admin sets a temporary password, which the user must replace at their next sign-in.</summary>
    public async Task<IdentityResult> SetTemporaryAsync(EmrUser user, string temporaryPassword)
    {
        var mustChange = user.MustChangePassword;
        user.MustChangePassword = true;
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), temporaryPassword);
        if (!result.Succeeded)
        {
            user.MustChangePassword = mustChange;
            return result;
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return result;
    }

    private static IdentityResult Refused(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}
