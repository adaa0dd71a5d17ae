using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Web.Audit;

/// <summary>The admin page's CSV download: a cookie-authenticated GET, so the browser saves the file itself.</summary>
internal static class AuditExportEndpoints
{
    private const string Path = "/admin/audit/export.csv";

    public static IEndpointRouteBuilder MapAuditExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ExportAsync).RequireAuthorization(policy => policy.RequireRole(Roles.Admin)).ExcludeFromDescription();
        return app;
    }

    public static string Href(AuditQuery query)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["patient"] = query.Patient,
            ["user"] = query.User,
            ["action"] = query.Action?.ToString(),
            ["from"] = query.From?.ToString("yyyy-MM-dd"),
            ["to"] = query.To?.ToString("yyyy-MM-dd"),
        };
        return QueryHelpers.AddQueryString(Path, parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)));
    }

    private static async Task<Results<FileContentHttpResult, BadRequest<string>>> ExportAsync(
        AuditTrailService trail, CancellationToken ct, string? patient = null, string? user = null, string? action = null, DateOnly? from = null, DateOnly? to = null)
    {
        AuditAction? parsed = null;
        if (!string.IsNullOrWhiteSpace(action))
        {
            if (!Enum.TryParse<AuditAction>(action, ignoreCase: true, out var value) || !Enum.IsDefined(value))
            {
                return TypedResults.BadRequest("Unknown action.");
            }

            parsed = value;
        }

        var rows = await trail.ExportAsync(new AuditQuery(0, AuditQuery.MaxPageSize, patient, user, parsed, from, to), ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(AuditCsv.Write(rows)), "text/csv; charset=utf-8", "audit-log.csv");
    }
}
