using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Web.Api.Auth;

/// <summary>
/// Validates signature, issuer, audience and lifetime, then checks the user against the database on every request:
/// a deleted, disabled or locked-out user, or a changed security stamp, ends the token at once. Roles are re-read too, so a
/// role removed after sign-in no longer authorizes. It is one primary-key lookup per request; no cache, so there
/// is no window in which a revoked token still works.
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
        var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<EmrUser>>();
        var principal = context.Principal!;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || user.SignInDisabled || await users.IsLockedOutAsync(user) || user.SecurityStamp != principal.FindFirstValue(JwtTokenIssuer.StampClaim))
        {
            context.Fail("The token's user no longer exists, is locked out, or has signed out everywhere.");
            return;
        }

        var identity = (ClaimsIdentity)principal.Identity!;
        foreach (var stale in identity.FindAll(ClaimTypes.Role).ToList())
        {
            identity.RemoveClaim(stale);
        }

        identity.AddClaims((await users.GetRolesAsync(user)).Select(r => new Claim(ClaimTypes.Role, r)));
    }
}
