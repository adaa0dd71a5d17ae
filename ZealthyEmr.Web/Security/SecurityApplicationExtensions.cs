using Microsoft.Net.Http.Headers;

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
            // Pages, API answers and the .ics carry patient data and are never stored; static assets keep their own
            // max-age. A page's "no-cache" (antiforgery) still allows storing, so it is replaced too.
            http.Response.OnStarting(() =>
            {
                var current = http.Response.Headers.CacheControl.ToString();
                if (!current.Contains("max-age", StringComparison.OrdinalIgnoreCase))
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
}
