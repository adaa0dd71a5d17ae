using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Domain.Accounts;

/// <summary>Identity's claims plus <see cref="AccountClaims"/>, so the portal needs no database read per request to enforce them.</summary>
public sealed class AccountClaimsPrincipalFactory(
        UserManager<EmrUser> users,
        RoleManager<IdentityRole> roles,
        IOptions<IdentityOptions> identity,
        TwoFactorService twoFactor)
    : UserClaimsPrincipalFactory<EmrUser, IdentityRole>(users, roles, identity)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(EmrUser user)
    {
        var claims = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
        {
            claims.AddClaim(new Claim(AccountClaims.MustChangePassword, "true"));
        }

        if (!await UserManager.GetTwoFactorEnabledAsync(user) && await twoFactor.IsRequiredAsync(user))
        {
            claims.AddClaim(new Claim(AccountClaims.TwoFactorEnrolmentRequired, "true"));
        }

        return claims;
    }
}
