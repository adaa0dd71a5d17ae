using ZealthyEmr.Domain.Data;
using ZealthyEmr.Web.Api;
using ZealthyEmr.Web.Audit;
using ZealthyEmr.Web.Components;
using ZealthyEmr.Web.Components.Account;
using ZealthyEmr.Web.Health;
using ZealthyEmr.Web.Portal;
using ZealthyEmr.Web.Security;

namespace ZealthyEmr.Web.Infrastructure;

public static class EmrWebApplicationExtensions
{
    public static async Task InitializeEmrDatabaseAsync(this WebApplication app) =>
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);

    public static WebApplication UseEmrPipeline(this WebApplication app)
    {
        app.UseEmrSecurity();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        // API clients (and the OpenAPI document's) get bare status codes and ProblemDetails, never the HTML not-found page.
        app.UseWhen(
            ctx => !ctx.Request.Path.StartsWithSegments("/api") && !ctx.Request.Path.StartsWithSegments("/openapi"),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseEmrApi();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseEmrAccountRequirements();
        app.UseEmrAudit();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapEmrEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapPasskeyEndpoints();
        app.MapHealthEndpoints();
        app.MapCalendarEndpoints();
        app.MapAuditExportEndpoints();
        app.MapEmrApi();
        return app;
    }
}
