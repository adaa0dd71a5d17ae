using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using ZealthyEmr.Domain.Audit;

namespace ZealthyEmr.Web.Audit;

/// <summary>
/// The choke point for refusals by policy (an API route or a portal page the caller's role may not use): each
/// forbidden request of a signed-in user is recorded as AccessDenied, then answered as before.
/// </summary>
internal sealed class AccessDeniedAuditHandler(IAuditLog audit) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler inner = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var channel = context.Request.Path.StartsWithSegments("/api") ? AuditChannel.Api : AuditChannel.Portal;
            var actor = PrincipalActor.From(context.User, context.Connection.RemoteIpAddress?.ToString(), channel, context.TraceIdentifier);
            await audit.RecordAsync(AuditAction.AccessDenied, "Route", $"{context.Request.Method} {context.Request.Path}", actor: actor, ct: context.RequestAborted);
        }

        await inner.HandleAsync(next, context, policy, authorizeResult);
    }
}
