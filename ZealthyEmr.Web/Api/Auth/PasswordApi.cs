using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using ZealthyEmr.Domain.Accounts;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Web.Api.Common;
using ZealthyEmr.Web.Security;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace ZealthyEmr.Web.Api.Auth;

public static class PasswordApi
{
    public static RouteGroupBuilder MapPasswordApi(this RouteGroupBuilder api)
    {
        // Anonymous on purpose: a user whose password must change cannot get a token first. It proves the
        // current password instead, under the login's rate limit and lockout.
        api.MapGroup("/auth").WithTags("Auth").MapPost("/password", ChangeAsync).AllowAnonymous().RequireRateLimiting(ApiRateLimits.Login)
            .WithSummary("Change a password with the current one (with or without a bearer token)")
            .WithDescription("Body: { \"email\", \"currentPassword\", \"newPassword\", \"code\" (only with two factors on) }. "
                + $"The new password needs at least {PasswordPolicy.MinimumLength} characters and must not be easy to guess. Ends the account's other sessions and tokens.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeAsync(
        PasswordChangeRequest body, SignInManager<EmrUser> signIn, CredentialCheck credentials, PasswordService passwords, CancellationToken ct)
    {
        var missing = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Email))
        {
            missing["email"] = ["Enter your email."];
        }

        if (string.IsNullOrEmpty(body.CurrentPassword))
        {
            missing["currentPassword"] = ["Enter your current password."];
        }

        if (string.IsNullOrEmpty(body.NewPassword))
        {
            missing["newPassword"] = ["Enter a new password."];
        }

        if (missing.Count > 0)
        {
            return ApiProblems.Problem(ErrorCodes.Validation, "Enter your email, current password and new password.", missing);
        }

        // The same checks, timing and answer as the login: unknown, locked and wrong look alike.
        var user = await credentials.FindSignInCandidateAsync(body.Email!, body.CurrentPassword!);
        var checkedPassword = user is null ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, body.CurrentPassword!, lockoutOnFailure: true);
        if (user is null || !checkedPassword.Succeeded)
        {
            if (user is not null)
            {
                await credentials.ReportLockoutAsync(user, checkedPassword, ct);
            }

            return ApiProblems.Problem(ApiProblems.InvalidCredentials, "The email or password is not right, or the account is locked after too many failed sign-ins.");
        }

        if (await AccountChecks.SecondFactorProblemAsync(signIn.UserManager, user, body.Code) is { } secondFactor)
        {
            return secondFactor;
        }

        var changed = await passwords.ChangeAsync(user, body.CurrentPassword!, body.NewPassword!);
        if (!changed.Succeeded)
        {
            var reasons = changed.Errors.Select(e => e.Description).ToArray();
            return ApiProblems.Problem(ErrorCodes.Validation, string.Join(" ", reasons), new Dictionary<string, string[]> { ["newPassword"] = reasons });
        }

        return TypedResults.NoContent();
    }
}
