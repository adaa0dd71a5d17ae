using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Sessions;

namespace ZealthyEmr.Web.Sessions;

/// <summary>
/// The portal cookie's session events, set as delegates on the options' events so the other handlers configured there
/// (relative redirects) stay in place.
/// </summary>
internal static class SessionCookieEvents
{
    /// <summary>
    /// Checks the user behind the cookie on every request, instead of Identity's security stamp validator, which looks
    /// only every 30 minutes: a deleted, locked-out or disabled user, or one whose stamp changed, is refused at once
    /// and the session row removed, which makes every copy of the cookie worthless.
    /// </summary>
    /// <remarks>
    /// The cookie itself is not deleted (no sign-out here). A refused request can be a stale one from the same browser,
    /// such as the favicon an enhanced navigation asks for, sent with the old cookie while the page beside it turns on
    /// two-factor sign-in or changes the password: that renews the stamp and signs the browser in again with a new
    /// cookie. Had this response deleted the cookie and arrived second, it would have deleted the new one, and the
    /// person would be signed out in the middle of setting up their authenticator (seen in a browser test).
    /// </remarks>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var identity = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal?.FindFirstValue(identity.ClaimsIdentity.SecurityStampClaimType);
        var ct = context.HttpContext.RequestAborted;
        if (!await services.GetRequiredService<SessionValidator>().IsUserValidAsync(userId, stamp, ct))
        {
            context.RejectPrincipal();
            if (Guid.TryParseExact(principal?.FindFirstValue(SessionClaims.SessionId), "N", out var id))
            {
                await services.GetRequiredService<SessionStore>().RemoveAsync(id, ct);
            }
        }
    }

    /// <summary>
    /// The sign-out button: audits the end of the request's session (the handler has just removed its row). A sign-out
    /// the app forces (a session that already ended) runs with no signed-in user and records nothing here.
    /// </summary>
    public static async Task SigningOutAsync(CookieSigningOutContext context)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated == true && Guid.TryParseExact(user.FindFirstValue(SessionClaims.SessionId), "N", out var id))
        {
            await context.HttpContext.RequestServices.GetRequiredService<SessionStore>().SignOutAsync(id, context.HttpContext.RequestAborted);
        }
    }
}
