using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Web.Api.Common;

/// <summary>
/// The API's policies authenticate with the bearer scheme only, so a portal cookie never authorizes an API call:
/// cookies ride along on cross-site requests, bearer tokens do not, and the API has no antiforgery check.
/// </summary>
public static class ApiPolicies
{
    public const string User = "api-user";
    public const string Admin = "api-admin";

    public static AuthorizationBuilder AddEmrApiPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(User, p => p.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser())
        .AddPolicy(Admin, p => p.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().RequireRole(Roles.Admin));
}
