using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ZealthyEmr.Domain.Identity;

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
        group.MapPost("/logout", SignOutAsync);
        return app;
    }

    private static async Task<RedirectHttpResult> SignInAsync(
        [FromForm] string? email,
        [FromForm] string? password,
        [FromForm] string? returnUrl,
        HttpContext http,
        IAntiforgery antiforgery,
        SignInManager<EmrUser> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Back("expired", email, returnUrl);
        }

        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return Back("missing", email, returnUrl);
        }

        // Every failure counts toward lockout, unlike the template's lockoutOnFailure: false.
        var result = await signIn.PasswordSignInAsync(email.Trim(), password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Back("locked", email, returnUrl);
        }

        if (result.IsNotAllowed)
        {
            return Back("disabled", email, returnUrl);
        }

        if (!result.Succeeded)
        {
            return Back("invalid", email, returnUrl);
        }

        var user = await signIn.UserManager.FindByNameAsync(email.Trim());
        var staff = user is not null && (await signIn.UserManager.IsInRoleAsync(user, Roles.Admin) || await signIn.UserManager.IsInRoleAsync(user, Roles.Staff));
        var home = staff ? "/admin" : "/";
        return TypedResults.LocalRedirect(IsLocal(returnUrl) && returnUrl != "/" ? returnUrl! : home);
    }

    private static async Task<RedirectHttpResult> SignOutAsync(SignInManager<EmrUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/login");
    }

    private static RedirectHttpResult Back(string error, string? email, string? returnUrl)
    {
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["error"] = error,
            ["email"] = email,
            ["returnUrl"] = IsLocal(returnUrl) ? returnUrl : null,
        });
        return TypedResults.LocalRedirect("/account/login" + query);
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
