using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace ZealthyEmr.Web.Sessions;

/// <summary>Where a page goes once its session has ended, to drop the dead cookie and show the sign-in page with a note.</summary>
internal static class SessionEndpoints
{
    public const string EndedPath = "/account/session-ended";

    public static string EndedUrl(SessionEndReason reason) => $"{EndedPath}?reason={reason.ToString().ToLowerInvariant()}";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(EndedPath, SessionEndedAsync).AllowAnonymous().ExcludeFromDescription();

    private static async Task<RedirectHttpResult> SessionEndedAsync(string? reason, HttpContext http)
    {
        // The page removes the session before coming here; a request whose session still works is not ended by a
        // plain link (a GET any site could trigger), it just goes home.
        if (http.User.Identity?.IsAuthenticated == true)
        {
            return TypedResults.LocalRedirect("/");
        }

        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        var notice = Enum.TryParse<SessionEndReason>(reason, ignoreCase: true, out var parsed) ? parsed : SessionEndReason.Ended;
        return TypedResults.LocalRedirect($"/account/login?notice={notice.ToString().ToLowerInvariant()}");
    }
}
