using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using ZealthyEmr.Domain.Common;

namespace ZealthyEmr.Web.Api.Common;

/// <summary>
/// Malformed input (broken or mistyped JSON, invalid UTF-8, a body over the limit, a bad query value) reaches us as
/// <see cref="BadHttpRequestException"/> because the API sets <c>ThrowOnBadRequest</c>; it becomes a 4xx
/// ProblemDetails naming the field, never a 500. Other exceptions on /api become a 500 ProblemDetails without internals.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var bad = exception as BadHttpRequestException ?? exception.InnerException as BadHttpRequestException;
        var isApi = http.Request.Path.StartsWithSegments("/api");
        if (bad is null && !isApi)
        {
            return false;
        }

        if (http.Response.HasStarted)
        {
            return false;
        }

        var status = bad?.StatusCode ?? StatusCodes.Status500InternalServerError;
        http.Response.StatusCode = status;
        if (!isApi)
        {
            // The portal's form posts keep the framework's plain 400 they had before the API set ThrowOnBadRequest.
            return true;
        }

        var problem = bad is null ? new ProblemDetails() : ToProblem(bad);
        problem.Status = status;
        problem.Extensions.TryAdd("code", ApiProblems.CodeFor(status));
        if (bad is null)
        {
            logger.LogError(exception, "Unhandled exception on {Path}", http.Request.Path);
            problem.Detail = "Something went wrong on our side. Try again; if it keeps happening, contact the clinic.";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails ToProblem(BadHttpRequestException bad)
    {
        var json = FindJsonException(bad);
        if (bad.StatusCode != StatusCodes.Status400BadRequest)
        {
            return new ProblemDetails { Detail = bad.Message };
        }

        // JsonException.Path is "$.datetime" or "$.hours[0].start"; the field name is what a client can act on.
        var field = json?.Path is { Length: > 2 } path ? path[2..] : "body";
        var message = json is null
            ? bad.Message
            : $"The value of '{field}' is not valid JSON of the expected type.";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Detail = message,
            Extensions = { ["code"] = ErrorCodes.Validation },
        };
    }

    private static JsonException? FindJsonException(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }
}
