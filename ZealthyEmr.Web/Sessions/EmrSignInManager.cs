using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Web.Sessions;

/// <summary>
/// Refuses sign-in to a login an admin has disabled, in the portal and the API alike: both ask
/// <see cref="CanSignInAsync"/> before checking the password, and get <see cref="SignInResult.NotAllowed"/>.
/// </summary>
internal sealed class EmrSignInManager(
        UserManager<EmrUser> userManager,
        IHttpContextAccessor contextAccessor,
        IUserClaimsPrincipalFactory<EmrUser> claimsFactory,
        IOptions<IdentityOptions> optionsAccessor,
        ILogger<SignInManager<EmrUser>> logger,
        IAuthenticationSchemeProvider schemes,
        IUserConfirmation<EmrUser> confirmation)
    : SignInManager<EmrUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(EmrUser user) => !user.SignInDisabled && await base.CanSignInAsync(user);
}
