using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ZealthyEmr.Domain.Sessions;

namespace ZealthyEmr.Web.Api.Auth;

/// <summary>
/// Validates signature, issuer, audience and lifetime, then checks the user against the database on every request:
/// a deleted, disabled or locked-out user, or a changed security stamp (see <see cref="JwtTokenIssuer"/>), ends the token at
/// once. Roles and the email come from the user's rows, never from the token, so a role removed after sign-in no
/// longer authorizes. It is two indexed queries per request (the user with their patient record, whose id
/// goes on the request as <see cref="SessionClaims.PatientId"/>, then their roles); no cache, so there is no window in which a revoked
/// token still works. Refusals are a plain 401: no WWW-Authenticate error description telling a
/// caller why a token failed.
/// </summary>
internal sealed class JwtBearerSetup(JwtSigningKey key, IOptions<JwtOptions> jwt, TimeProvider clock) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        options.TimeProvider = clock;
        options.IncludeErrorDetails = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Value.Issuer,
            ValidAudience = jwt.Value.Audience,
            IssuerSigningKey = key.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = ClaimTypes.Email,
            RoleClaimType = ClaimTypes.Role,
        };
        options.Events = new JwtBearerEvents { OnTokenValidated = CheckUserAsync };
    }

    public void Configure(JwtBearerOptions options) => Configure(JwtBearerDefaults.AuthenticationScheme, options);

    private static async Task CheckUserAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue(JwtRegisteredClaimNames.Sub);
        var user = userId is null ? null : await context.HttpContext.RequestServices.GetRequiredService<SessionValidator>().FindTokenUserAsync(userId, context.HttpContext.RequestAborted);
        if (user is null || !user.MayAct || !JwtTokenIssuer.MatchesStamp(principal.FindFirstValue(JwtRegisteredClaimNames.Jti), user.SecurityStamp))
        {
            context.Fail("The token's user no longer exists, is locked out, or has signed out everywhere.");
            return;
        }

        var identity = (ClaimsIdentity)principal.Identity!;
        foreach (var stale in identity.FindAll(c => c.Type is ClaimTypes.Role or ClaimTypes.Email or "role" or SessionClaims.PatientId).ToList())
        {
            identity.RemoveClaim(stale);
        }

        identity.AddClaim(new Claim(ClaimTypes.Email, user.Email ?? ""));
        identity.AddClaims(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (user.PatientId is { } patientId)
        {
            identity.AddClaim(new Claim(SessionClaims.PatientId, patientId.ToString()));
        }
    }
}
