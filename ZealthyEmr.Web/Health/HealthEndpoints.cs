using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Web.Health;

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/api/health", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteAsync,
        }).AllowAnonymous();

        // Resolved now so uptime counts from start, not from the first status request.
        _ = app.ServiceProvider.GetRequiredService<AppStatus>();
        app.MapGet("/api/status", GetStatus).AllowAnonymous().WithName("GetStatus");
        return app;
    }

    /// <summary>The build (version and commit) helps an attacker pick exploits, so only an Admin (bearer or cookie) sees it.</summary>
    private static async Task<Ok<StatusResponse>> GetStatus(AppStatus status, HttpContext http)
    {
        var bearer = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        var admin = (bearer.Principal?.IsInRole(Roles.Admin) ?? false) || http.User.IsInRole(Roles.Admin);
        var snapshot = status.Snapshot();
        return TypedResults.Ok(admin ? snapshot : snapshot with { Version = null });
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = Name(report.Status),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = Name(e.Value.Status), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
