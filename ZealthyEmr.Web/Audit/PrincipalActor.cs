using System.Security.Claims;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Web.Audit;

/// <summary>The audit actor for a signed-in (or anonymous) principal; cookie and bearer principals carry the same mapped claims.</summary>
internal static class PrincipalActor
{
    public static AuditActor From(ClaimsPrincipal user, string? clientAddress, AuditChannel channel, string? correlationId)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return new AuditActor(null, "anonymous", null, clientAddress, channel, correlationId);
        }

        var email = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? "";
        var role = Roles.All.FirstOrDefault(user.IsInRole);
        return new AuditActor(user.FindFirstValue(ClaimTypes.NameIdentifier), email, role, clientAddress, channel, correlationId);
    }
}
