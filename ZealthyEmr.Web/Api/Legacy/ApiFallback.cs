using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ZealthyEmr.Web.Api.Common;

namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>
/// The API's last route: any /api path no route matches is a 404 problem, and a known path with another method a
/// 405 naming the allowed ones. Without it the portal's page routes made unknown /api paths answer 405, and as an
/// endpoint of the /api group it gets the group's CORS like every other answer.
/// </summary>
public static class ApiFallback
{
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    public static RouteGroupBuilder MapApiFallback(this RouteGroupBuilder api)
    {
        api.MapFallback("{**path}", Answer).ExcludeFromDescription();
        return api;
    }

    private static ProblemHttpResult Answer(HttpContext http, ApiRouteIndex index)
    {
        var allowed = index.MethodsFor(http.Request.Path);
        if (allowed.Count == 0)
        {
            return ApiProblems.NotFound($"The route {http.Request.Method} {http.Request.Path}");
        }

        http.Response.Headers.Allow = string.Join(", ", allowed);
        var message = $"{http.Request.Path} does not accept {http.Request.Method}; it accepts {string.Join(", ", allowed)}.";
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status405MethodNotAllowed,
            Title = "Method not allowed.",
            Detail = message,
            Extensions = { ["code"] = MethodNotAllowed, ["message"] = message },
        });
    }
}
