using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ZealthyEmr.Domain.Common;

namespace ZealthyEmr.Web.Api.Common;

/// <summary>
/// Every API error is a ProblemDetails (RFC 9457) with a stable <c>code</c> and a <c>message</c> member for
/// clients written against the original contract, which read <c>message</c>.
/// </summary>
public static class ApiProblems
{
    public const string Forbidden = "FORBIDDEN";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string PasswordChangeRequired = "PASSWORD_CHANGE_REQUIRED";
    public const string TwoFactorRequired = "TWO_FACTOR_REQUIRED";
    public const string TooManyRequests = "TOO_MANY_REQUESTS";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string Internal = "INTERNAL_ERROR";

    public static int StatusFor(string code) => code switch
    {
        ErrorCodes.Validation => StatusCodes.Status400BadRequest,
        ErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ErrorCodes.Concurrency or ErrorCodes.SlotLocked or ErrorCodes.UserConflict or ErrorCodes.ProviderConflict
            or ErrorCodes.DuplicateEmail or ErrorCodes.DuplicateName or ErrorCodes.InUse or ErrorCodes.StrandedVisits
            or ErrorCodes.PatientArchived => StatusCodes.Status409Conflict,
        Forbidden or PasswordChangeRequired => StatusCodes.Status403Forbidden,
        Unauthorized or InvalidCredentials or TwoFactorRequired => StatusCodes.Status401Unauthorized,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The code a response without one gets, from its status (a challenge, a route that did not match).</summary>
    public static string CodeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ErrorCodes.Validation,
        StatusCodes.Status401Unauthorized => Unauthorized,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => ErrorCodes.NotFound,
        StatusCodes.Status409Conflict => ErrorCodes.Concurrency,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => TooManyRequests,
        >= 500 => Internal,
        _ => $"HTTP_{status}",
    };

    public static ProblemHttpResult From(DomainError error) => Problem(error.Code, error.Message, error.Fields);

    public static ProblemHttpResult Problem(string code, string message, IReadOnlyDictionary<string, string[]>? fields = null)
    {
        var status = StatusFor(code);
        ProblemDetails problem = fields is { Count: > 0 } || code == ErrorCodes.Validation
            ? new HttpValidationProblemDetails(fields?.ToDictionary(f => f.Key, f => f.Value) ?? [])
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = TitleFor(status);
        problem.Detail = message;
        problem.Extensions["code"] = code;
        problem.Extensions["message"] = message;
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Validation(string field, string message) => From(DomainError.Validation(field, message));

    public static ProblemHttpResult NotFound(string what) => From(DomainError.NotFound(what));

    public static ProblemHttpResult NotYours() => Problem(Forbidden, "You can only see and change your own records.");

    /// <summary>Fills <c>code</c> and <c>message</c> on problems written by the framework (challenges, status code pages, bad requests).</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Extensions.TryAdd("code", CodeFor(status));
        problem.Extensions.TryAdd("message", problem.Detail ?? problem.Title ?? TitleFor(status));
    }

    private static string TitleFor(int status) => status switch
    {
        400 => "The request is not valid.",
        401 => "Sign in with a bearer token.",
        403 => "You are not allowed to do this.",
        404 => "Not found.",
        409 => "Conflict.",
        413 => "The request body is too large.",
        415 => "Send the body as application/json.",
        429 => "Too many requests.",
        _ => "An error occurred.",
    };
}
