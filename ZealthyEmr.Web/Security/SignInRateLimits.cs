using System.Globalization;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ZealthyEmr.Web.Security;

/// <summary>
/// Limits <c>POST /account/signin</c> and the "forgot password" form per client address and per account through the
/// rate limiter's global limiter (an endpoint takes one policy, and this needs two chained). Every other request gets
/// no limiter here. The form is read before the limiter runs so the account partition can see the email.
/// </summary>
internal static class SignInRateLimits
{
    public const string SignInPath = "/account/signin";
    public const string ForgotPasswordPath = "/account/forgot-password";

    public static IServiceCollection AddEmrSignInRateLimits(this IServiceCollection services)
    {
        services.AddOptions<SignInRateLimitOptions>().BindConfiguration(SignInRateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // PostConfigure so the API's own OnRejected (ProblemDetails) is already set and stays in charge of /api.
        services.AddOptions<RateLimiterOptions>().PostConfigure<IOptions<SignInRateLimitOptions>>((o, limits) =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsLimited(http)
                    ? RateLimitPartition.GetFixedWindowLimiter("ip:" + ClientAddress(http), _ => Window(limits.Value.PerAddressPermitLimit, limits.Value.PerAddressWindowSeconds))
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(http => (IsSignIn(http), Account(http)) switch
                {
                    (_, null) => RateLimitPartition.GetNoLimiter(""),
                    (true, var account) => RateLimitPartition.GetFixedWindowLimiter("account:" + account, _ => Window(limits.Value.PerAccountPermitLimit, limits.Value.PerAccountWindowSeconds)),
                    (false, var account) => RateLimitPartition.GetFixedWindowLimiter("reset:" + account, _ => Window(limits.Value.ResetPerAccountPermitLimit, limits.Value.ResetPerAccountWindowSeconds)),
                }));

            var inner = o.OnRejected;
            o.OnRejected = (context, ct) => context.HttpContext.Request.Path.StartsWithSegments("/api") && inner is not null
                ? inner(context, ct)
                : RejectSignInAsync(context, ct);
        });
        return services;
    }

    /// <summary>Buffers the sign-in form so the (synchronous) partition function can read the email.</summary>
    public static IApplicationBuilder UseEmrSignInFormBuffering(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (IsLimited(http) && http.Request.HasFormContentType)
        {
            try
            {
                await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (InvalidDataException)
            {
                // An oversized or malformed form: the endpoint refuses it; the address limit still applies.
            }
        }

        await next(http);
    });

    private static bool IsSignIn(HttpContext http) => HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase);

    private static bool IsForgotPassword(HttpContext http) => HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals(ForgotPasswordPath, StringComparison.OrdinalIgnoreCase);

    private static bool IsLimited(HttpContext http) => IsSignIn(http) || IsForgotPassword(http);

    // ForwardedHeaders has already replaced the proxy's address with the client's when the proxy is trusted.
    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string? Account(HttpContext http)
    {
        if (!IsLimited(http) || !http.Request.HasFormContentType || http.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form is not { } form)
        {
            return null;
        }

        var email = form[IsSignIn(http) ? "email" : "Input.Email"].ToString().Trim();
        return email.Length is > 0 and <= 256 ? email.ToUpperInvariant() : null;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, int seconds) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromSeconds(seconds), QueueLimit = 0, AutoReplenishment = true };

    private static async ValueTask RejectSignInAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds));
        var wait = seconds < 120 ? $"{seconds} seconds" : $"{(int)Math.Ceiling(seconds / 60.0)} minutes";
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.ContentType = "text/html; charset=utf-8";
        var what = IsSignIn(http) ? "sign-in attempts" : "password reset requests";
        var message = HtmlEncoder.Default.Encode($"Too many {what}. Please wait {wait} and try again.");
        await http.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>Too many attempts · Zealthy</title></head>
            <body><main><h1>Too many {what}</h1><p role="alert" data-testid="retry-after">{message}</p>
            <p><a href="/account/login">Back to sign in</a></p></main></body></html>
            """, ct);
    }
}
