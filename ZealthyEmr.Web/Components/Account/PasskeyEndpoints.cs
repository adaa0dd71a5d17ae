using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Web.Components.Account;

/// <summary>
/// WebAuthn options for the passkey script, and passkey sign-in. Identity keeps each ceremony's challenge in its
/// own short-lived cookie, so the options and the answer must come from the same browser.
/// </summary>
internal static class PasskeyEndpoints
{
    public static IEndpointRouteBuilder MapPasskeyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account/passkey").ExcludeFromDescription();
        // The script sends the page's antiforgery token as a header; the middleware checks it.
        group.MapPost("/creation-options", CreationOptionsAsync).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
        group.MapPost("/request-options", RequestOptionsAsync).AllowAnonymous().WithMetadata(new RequireAntiforgeryTokenAttribute());
        group.MapPost("/signin", SignInAsync).AllowAnonymous();
        group.MapGet("/landing", LandingAsync).RequireAuthorization();
        return app;
    }

    private static async Task<Results<ContentHttpResult, UnauthorizedHttpResult>> CreationOptionsAsync(HttpContext http, SignInManager<EmrUser> signIn)
    {
        var user = await signIn.UserManager.GetUserAsync(http.User);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id,
            Name = user.Email ?? user.UserName ?? user.Id,
            DisplayName = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName,
        });
        return TypedResults.Content(options, "application/json");
    }

    /// <summary>No user is named: the browser offers the passkeys it holds for this site, and nothing tells whether an email has an account.</summary>
    private static async Task<ContentHttpResult> RequestOptionsAsync(SignInManager<EmrUser> signIn) =>
        TypedResults.Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    /// <summary>
    /// A passkey proves possession of a device and the user's PIN or biometric, so it stands for the password and the
    /// second factor together (Identity skips the code step after it).
    /// </summary>
    private static async Task<RedirectHttpResult> SignInAsync(
        [FromForm(Name = "Passkey.CredentialJson")] string? credentialJson,
        [FromForm(Name = "Passkey.Error")] string? error,
        [FromForm] string? returnUrl,
        SignInManager<EmrUser> signIn)
    {
        if (!string.IsNullOrEmpty(error) || string.IsNullOrEmpty(credentialJson) || credentialJson.Length > 64 * 1024)
        {
            return TypedResults.LocalRedirect("/account/login?error=passkey");
        }

        var result = await signIn.PasskeySignInAsync(credentialJson);
        if (!result.Succeeded)
        {
            return TypedResults.LocalRedirect("/account/login?error=" + (result.IsLockedOut ? "locked" : "passkey"));
        }

        // The new cookie is on the response; the landing route reads it on the next request to pick the user's home.
        return TypedResults.LocalRedirect("/account/passkey/landing" + (ZealthyEmr.Web.Security.SafeRedirects.IsLocalPath(returnUrl) ? QueryString.Create("returnUrl", returnUrl!) : QueryString.Empty));
    }

    private static async Task<RedirectHttpResult> LandingAsync([FromQuery] string? returnUrl, HttpContext http, UserManager<EmrUser> users)
    {
        var user = await users.GetUserAsync(http.User);
        return TypedResults.LocalRedirect(user is null ? "/account/login" : await SignInLanding.ForAsync(users, user, returnUrl));
    }
}
