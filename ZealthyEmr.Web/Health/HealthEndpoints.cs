using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

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

    private static Ok<StatusResponse> GetStatus(AppStatus status) => TypedResults.Ok(status.Snapshot());

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        // timestamp and services are the original contract's shape; checks carries the detail.
        var body = new
        {
            status = Name(report.Status),
            timestamp = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            services = new
            {
                api = Name(HealthStatus.Healthy),
                redis = Name(report.Entries.TryGetValue("redis", out var redis) ? redis.Status : HealthStatus.Healthy),
                database = Name(report.Entries.TryGetValue("database", out var database) ? database.Status : HealthStatus.Unhealthy),
            },
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
