using Microsoft.AspNetCore.Components.Server.Circuits;
using ZealthyEmr.Domain.Audit;

namespace ZealthyEmr.Web.Audit;

public static class AuditWebExtensions
{
    public static IServiceCollection AddEmrAuditWeb(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CircuitHandler, AuditCircuitHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AccessDeniedAuditHandler>();
        return services;
    }

    /// <summary>
    /// Makes the request's actor current. It sits after authorization because an API policy authenticates the
    /// bearer token there and only then replaces the request's user.
    /// </summary>
    public static IApplicationBuilder UseEmrAudit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var audit = context.RequestServices.GetRequiredService<IAuditContext>();
            var channel = context.Request.Path.StartsWithSegments("/api") ? AuditChannel.Api : AuditChannel.Portal;
            var actor = PrincipalActor.From(context.User, context.Connection.RemoteIpAddress?.ToString(), channel, context.TraceIdentifier);
            using (audit.Begin(actor))
            {
                await next(context);
            }
        });
}
