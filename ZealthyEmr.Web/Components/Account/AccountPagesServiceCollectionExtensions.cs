using Microsoft.AspNetCore.Identity;

namespace ZealthyEmr.Web.Components.Account;

internal static class AccountPagesServiceCollectionExtensions
{
    public static IServiceCollection AddEmrAccountPages(this IServiceCollection services)
    {
        // A password change, reset or temporary password renews the security stamp; checking it on every request
        // (one primary-key read) ends the user's other cookies at once instead of after Identity's default 30 minutes.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

        // Identity's default compares the credential's origin with the request's Origin header, but under
        // Referrer-Policy: no-referrer a browser sends "Origin: null" with the form post that finishes the ceremony.
        // The site's own origin (scheme and host of the request, which AllowedHosts restricts) is the one to expect.
        services.Configure<IdentityPasskeyOptions>(o => o.ValidateOrigin = context => ValueTask.FromResult(
            !context.CrossOrigin
            && string.Equals(context.Origin, $"{context.HttpContext.Request.Scheme}://{context.HttpContext.Request.Host}", StringComparison.OrdinalIgnoreCase)));
        return services;
    }
}
