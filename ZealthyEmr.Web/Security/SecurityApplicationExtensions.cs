namespace ZealthyEmr.Web.Security;

public static class SecurityApplicationExtensions
{
    /// <summary>First in the pipeline: the real client address, HTTPS, headers on every response, no caching of pages or data.</summary>
    public static WebApplication UseEmrSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
            app.Use(RefusePlainHttp);
        }

        app.UseSecurityHeaders();
        app.Use((http, next) =>
        {
            // Pages, API answers and the .ics carry patient data and are never stored (a page's "no-cache" from
            // antiforgery still allows storing, so it is replaced); scripts, styles and images keep their own caching.
            http.Response.OnStarting(() =>
            {
                if (MayHoldPatientData(http.Response.ContentType))
                {
                    http.Response.Headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            return next(http);
        });
        app.UseEmrSignInFormBuffering();
        return app;
    }

    /// <summary>
    /// Plain HTTP that was not redirected (no HTTPS port known, no trusted proxy saying the client used TLS) would meet
    /// the Secure-only sign-in and antiforgery cookies and end in a 500; answer what is wrong instead. Health probes from
    /// a load balancer inside the network may stay on HTTP.
    /// </summary>
    private static Task RefusePlainHttp(HttpContext http, Func<Task> next)
    {
        if (http.Request.IsHttps || http.Request.Path.StartsWithSegments("/api/health"))
        {
            return next();
        }

        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(
            "This site must be opened over HTTPS. Operators: terminate TLS in the app, set https_port so plain HTTP is "
            + "redirected, or put it behind a TLS proxy that sends X-Forwarded-Proto and is listed in Network:KnownProxies.");
    }

    private static bool MayHoldPatientData(string? contentType) =>
        contentType is null
        || contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("text/calendar", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("json", StringComparison.OrdinalIgnoreCase);
}
