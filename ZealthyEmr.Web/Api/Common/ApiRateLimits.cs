using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ZealthyEmr.Web.Api.Common;

internal static class ApiRateLimits
{
    public const string Login = "api-login";
    public const string Booking = "api-booking";
    public const string PublicRead = "api-public";

    public static IServiceCollection AddEmrApiRateLimits(this IServiceCollection services)
    {
        services.AddOptions<ApiRateLimitOptions>().BindConfiguration(ApiRateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.AddPolicy(Login, http =>
            {
                var limits = Limits(http);
                var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(address, _ => Window(limits.LoginPermitLimit, limits.LoginWindowSeconds));
            });
            o.AddPolicy(PublicRead, http =>
            {
                var limits = Limits(http);
                var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(address, _ => Window(limits.PublicPermitLimit, limits.PublicWindowSeconds));
            });
            o.AddPolicy(Booking, http =>
            {
                var limits = Limits(http);
                var user = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(user, _ => Window(limits.BookingPermitLimit, limits.BookingWindowSeconds));
            });
        });
        return services;
    }

    private static ApiRateLimitOptions Limits(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<ApiRateLimitOptions>>().Value;

    private static FixedWindowRateLimiterOptions Window(int permits, int seconds) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromSeconds(seconds), QueueLimit = 0, AutoReplenishment = true };

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = $"Too many requests. Try again in {seconds} seconds.";
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Detail = message,
                Extensions = { ["code"] = ApiProblems.TooManyRequests, ["message"] = message },
            },
        });
    }
}
