using ZealthyEmr.Domain.Accounts;

namespace ZealthyEmr.Web.Components.Account;

/// <summary>
/// Keeps a signed-in user on the account pages until they have done what their account requires: replace a password
/// someone else chose, then (in a role that requires it) turn on two factors. The API is left out: it authenticates
/// with bearer tokens only, and the token endpoint applies the same rules.
/// </summary>
internal static class AccountRequirements
{
    public const string ChangePasswordPath = "/account/manage/change-password";
    public const string EnrolPath = "/account/manage/authenticator";

    public static IApplicationBuilder UseEmrAccountRequirements(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var target = http.User.Identity?.IsAuthenticated == true && !IsExempt(http.Request.Path) ? RequiredPage(http) : null;
        if (target is null)
        {
            await next(http);
            return;
        }

        http.Response.Redirect(target);
    });

    private static string? RequiredPage(HttpContext http) =>
        http.User.HasClaim(c => c.Type == AccountClaims.MustChangePassword) ? ChangePasswordPath
        : http.User.HasClaim(c => c.Type == AccountClaims.TwoFactorEnrolmentRequired) ? EnrolPath
        : null;

    /// <summary>Account pages (sign-out included), the API, and files the account pages load.</summary>
    private static bool IsExempt(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/api") || path.StartsWithSegments("/_framework")
        || path.StartsWithSegments("/_content") || path.StartsWithSegments("/error") || path.StartsWithSegments("/not-found")
        || Path.HasExtension(path.Value);
}
