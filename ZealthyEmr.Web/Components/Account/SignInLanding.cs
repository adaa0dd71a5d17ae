using Microsoft.AspNetCore.Identity;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Web.Security;

namespace ZealthyEmr.Web.Components.Account;

/// <summary>Where a user lands after signing in: a safe local return URL, or their portal's home.</summary>
internal static class SignInLanding
{
    public static async Task<string> ForAsync(UserManager<EmrUser> users, EmrUser user, string? returnUrl)
    {
        if (SafeRedirects.IsLocalPath(returnUrl) && returnUrl != "/")
        {
            return returnUrl!;
        }

        return await users.IsInRoleAsync(user, Roles.Admin) || await users.IsInRoleAsync(user, Roles.Staff) ? "/admin" : "/";
    }
}
