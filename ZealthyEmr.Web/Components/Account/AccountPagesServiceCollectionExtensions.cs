using Microsoft.AspNetCore.Identity;

namespace ZealthyEmr.Web.Components.Account;

internal static class AccountPagesServiceCollectionExtensions
{
    public static IServiceCollection AddEmrAccountPages(this IServiceCollection services)
    {
        // A password change, reset or temporary password renews the security stamp; checking it on every request
        // (one primary-key read) ends the user's other cookies at once instead of after Identity's default 30 minutes.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        return services;
    }
}
