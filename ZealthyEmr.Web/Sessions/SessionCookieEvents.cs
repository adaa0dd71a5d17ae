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
    /// only every 30 minutes: a deleted, locked-out or disabled user, or one whose stamp changed, is signed out at once
    /// and the session row removed.
    /// </summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var identity = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal?.FindFirstValue(identity.ClaimsIdentity.SecurityStampClaimType);
        if (!await services.GetRequiredService<SessionValidator>().IsUserValidAsync(userId, stamp, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>
    /// The sign-out button: audits the end of the request's session (the handler has just removed its row). A sign-out
    /// the app forces (a refused principal, a session that already ended) runs with no signed-in user and records nothing here.
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
