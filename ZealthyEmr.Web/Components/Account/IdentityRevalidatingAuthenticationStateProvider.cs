using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Sessions;

namespace ZealthyEmr.Web.Components.Account;

// An open circuit re-checks what every request checks: its session still exists and is within its limits, and its
// user exists, is not locked out or disabled and keeps the same security stamp. A failed check makes the circuit
// anonymous, which shows the sign-in page. Security:RevalidationInterval (at most a minute) sets how often.
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        SessionValidator validator,
        IOptions<IdentityOptions> identity,
        IOptions<SessionLifetimeOptions> sessions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => sessions.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        return Guid.TryParseExact(principal.FindFirstValue(SessionClaims.SessionId), "N", out var sessionId)
            && await validator.IsSessionValidAsync(
                sessionId,
                principal.FindFirstValue(ClaimTypes.NameIdentifier),
                principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType),
                cancellationToken);
    }
}
