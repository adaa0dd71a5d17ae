using Microsoft.AspNetCore.Identity;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Domain.Accounts;

/// <summary>
/// Every way a password changes. Each one goes through Identity, which validates the new password and renews the
/// security stamp, so the user's other cookies, circuits and bearer tokens stop working.
/// </summary>
public sealed class PasswordService(UserManager<EmrUser> users, IAuditLog audit)
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
            return result;
        }

        await RecordAsync(user);
        return result;
    }

    /// <summary>Completes a reset link. The stamp changes, so the same link cannot be used twice.</summary>
    public async Task<IdentityResult> ResetAsync(string? userId, string? encodedToken, string newPassword)
    {
        var token = PasswordResetService.DecodeToken(encodedToken);
        var user = token is null || string.IsNullOrEmpty(userId) || userId.Length > 64 ? null : await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Refused("InvalidToken", users.ErrorDescriber.InvalidToken().Description);
        }

        var mustChange = user.MustChangePassword;
        user.MustChangePassword = false;
        var result = await users.ResetPasswordAsync(user, token!, newPassword);
        if (!result.Succeeded)
        {
            user.MustChangePassword = mustChange;
            return result;
        }

        // The person proved they hold the mailbox; a lockout from someone else's guesses should not keep them out.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await RecordAsync(user);
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
        await RecordAsync(user);
        return result;
    }

    private Task RecordAsync(EmrUser user) => audit.RecordAsync(AuditAction.PasswordChanged, nameof(EmrUser), user.Id);

    private static IdentityResult Refused(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}
