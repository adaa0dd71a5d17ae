using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Web.Api.Common;

namespace ZealthyEmr.Web.Api.Auth;

/// <summary>What a correct password is not enough for on the API: the second factor, and a password someone else chose.</summary>
internal static class AccountChecks
{
    /// <summary>Null when a token may be issued to the user whose password was just verified.</summary>
    public static async Task<ProblemHttpResult?> RefuseTokenAsync(UserManager<EmrUser> users, EmrUser user, string? code)
    {
        if (await SecondFactorProblemAsync(users, user, code) is { } problem)
        {
            return problem;
        }

        return user.MustChangePassword
            ? ApiProblems.Problem(ApiProblems.PasswordChangeRequired, "Your password was set by someone else. Choose your own through POST /api/auth/password, then sign in.")
            : null;
    }

    /// <summary>Null when two factors are off or <paramref name="code"/> is a valid authenticator or recovery code.</summary>
    public static async Task<ProblemHttpResult?> SecondFactorProblemAsync(UserManager<EmrUser> users, EmrUser user, string? code)
    {
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            return ApiProblems.Problem(ApiProblems.TwoFactorRequired, "This account has two factors on: send the authenticator app's code (or a recovery code) as code.");
        }

        var compact = code.Replace(" ", "", StringComparison.Ordinal);
        var digits = compact.Replace("-", "", StringComparison.Ordinal);
        var valid = digits.Length == 6 && digits.All(char.IsAsciiDigit)
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits)
            : compact.Length <= 64 && (await users.RedeemTwoFactorRecoveryCodeAsync(user, compact)).Succeeded;
        if (valid)
        {
            await users.ResetAccessFailedCountAsync(user);
            return null;
        }

        // A wrong code counts toward lockout like a wrong password, so codes cannot be guessed either.
        await users.AccessFailedAsync(user);
        // A lockout reached here answers like a wrong password, as the login does for a locked account.
        return await users.IsLockedOutAsync(user)
            ? ApiProblems.Problem(ApiProblems.InvalidCredentials, "The email or password is not right, or the account is locked after too many failed sign-ins.")
            : ApiProblems.Problem(ApiProblems.TwoFactorRequired, "The two-factor code is not right. Use the current code from the authenticator app, or a recovery code.");
    }
}
