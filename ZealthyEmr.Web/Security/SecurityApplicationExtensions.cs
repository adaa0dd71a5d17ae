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

    private static bool MayHoldPatientData(string? contentType) =>
        contentType is null
        || contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("text/calendar", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("json", StringComparison.OrdinalIgnoreCase);
}
