using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Web.Components.Layout;
using ZealthyEmr.Web.Security;

namespace ZealthyEmr.Web.Components.Account;

/// <summary>
/// Cookie sign-in for the portals. The antiforgery check is done here rather than by the middleware so
/// that an expired form sends the user back to the login page with a message instead of a bare 400.
/// </summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").ExcludeFromDescription();
        group.MapPost("/signin", SignInAsync).AllowAnonymous().DisableAntiforgery();
        group.MapPost("/logout", SignOutAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<RedirectHttpResult> SignInAsync(
        [FromForm] string? email,
        [FromForm] string? password,
        [FromForm] string? returnUrl,
        HttpContext http,
        IAntiforgery antiforgery,
        SignInManager<EmrUser> signIn,
        CredentialCheck credentials)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Back("expired", returnUrl);
        }

        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return Back("missing", returnUrl);
        }

        // A locked account answers like a wrong password, so lockout does not confirm that an account exists.
        // Every failure counts toward lockout, unlike the template's lockoutOnFailure: false.
        var user = await credentials.FindSignInCandidateAsync(email, password);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        await credentials.RecordAttemptAsync(email, user, result, http.RequestAborted);
        if (user is not null && (result.Succeeded || result.RequiresTwoFactor))
        {
            ThemeCookie.Remember(http.Response, user.PrefersDarkMode);
        }

        if (result.RequiresTwoFactor)
        {
            return TypedResults.LocalRedirect("/account/login-2fa" + (SafeRedirects.IsLocalPath(returnUrl) ? QueryString.Create("returnUrl", returnUrl!) : QueryString.Empty));
        }

        if (!result.Succeeded)
        {
            if (user is not null)
            {
                await credentials.ReportLockoutAsync(user, result, http.RequestAborted);
            }

            return Back("invalid", returnUrl);
        }

        var staff = await signIn.UserManager.IsInRoleAsync(user!, Roles.Admin) || await signIn.UserManager.IsInRoleAsync(user!, Roles.Staff);
        var home = staff ? "/admin" : "/";
        return TypedResults.LocalRedirect(SafeRedirects.IsLocalPath(returnUrl) && returnUrl != "/" ? returnUrl! : home);
    }

    /// <summary>Requires the layout form's antiforgery token, so another site cannot sign a user out: without it nothing happens.</summary>
    private static async Task<RedirectHttpResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, SignInManager<EmrUser> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.LocalRedirect("/");
        }

        // The theme may have changed since sign-in; the login page that follows shows the one the user leaves with.
        if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
        {
            ThemeCookie.Remember(http.Response, user.PrefersDarkMode);
        }

        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/login");
    }

    // The email is not carried back: it would sit in the address bar, history and proxy logs (and a huge one in the Location header).
    private static RedirectHttpResult Back(string error, string? returnUrl)
    {
        var query = QueryString.Create("error", error);
        if (SafeRedirects.IsLocalPath(returnUrl))
        {
            query = query.Add("returnUrl", returnUrl!);
        }

        return TypedResults.LocalRedirect("/account/login" + query);
    }
}
