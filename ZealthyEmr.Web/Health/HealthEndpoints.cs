using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Web.Health;

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        // A plain endpoint rather than MapHealthChecks, so the OpenAPI document describes it like every other route.
        app.MapGet("/api/health", GetHealthAsync).AllowAnonymous().WithTags("Health")
            .WithSummary("The database and Redis: 200 when healthy or degraded (Redis unreachable), 503 when the database is unreachable")
            .Produces<HealthResponse>(StatusCodes.Status200OK).Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);

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

    private static async Task<JsonHttpResult<HealthResponse>> GetHealthAsync(HealthCheckService health, TimeProvider clock, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(ct);
        var body = new HealthResponse(
            Name(report.Status),
            clock.GetUtcNow(),
            new HealthServices(Name(HealthStatus.Healthy), Status(report, "redis"), Status(report, "database")),
            report.Entries.ToDictionary(e => e.Key, e => new HealthCheckEntry(Name(e.Value.Status), e.Value.Description)));
        return TypedResults.Json(body, statusCode: report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    private static string Status(HealthReport report, string check) =>
        report.Entries.TryGetValue(check, out var entry) ? Name(entry.Status) : Name(HealthStatus.Unhealthy);

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
