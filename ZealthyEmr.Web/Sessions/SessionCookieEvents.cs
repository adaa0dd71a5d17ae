using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Sessions;

namespace ZealthyEmr.Web.Sessions;

/// <summary>
/// Checks the user behind the cookie on every request, instead of Identity's security stamp validator, which looks
/// only every 30 minutes: a deleted, locked-out or disabled user, or one whose stamp changed, is signed out at once
/// and the session row removed.
/// </summary>
internal sealed class SessionCookieEvents(SessionValidator validator, SessionStore sessions, IOptions<IdentityOptions> identity) : CookieAuthenticationEvents
{
    /// <summary>
    /// The sign-out button: audits the end of the request's session (the handler has just removed its row). A sign-out
    /// the app forces (a refused principal, a session that already ended) runs with no signed-in user and records nothing here.
    /// </summary>
    public override async Task SigningOut(CookieSigningOutContext context)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated == true && Guid.TryParseExact(user.FindFirstValue(SessionClaims.SessionId), "N", out var id))
        {
            await sessions.SignOutAsync(id, context.HttpContext.RequestAborted);
        }
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal?.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (!await validator.IsUserValidAsync(userId, stamp, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
