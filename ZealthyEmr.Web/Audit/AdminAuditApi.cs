using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Web.Api.Common;

namespace ZealthyEmr.Web.Audit;

/// <summary>The audit log for Admins: the same filters as the admin page, a CSV export (itself audited) and the chain check.</summary>
public static class AdminAuditApi
{
    public static RouteGroupBuilder MapAdminAuditApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/audit").WithTags("Audit (admin)").RequireAuthorization(ApiPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", SearchAsync)
            .WithSummary("Page through the audit log, newest first; filter by patient (id, name or email), user (email), action and clinic dates");
        group.MapGet("/export", ExportAsync).WithSummary("The matching rows as CSV, oldest first, with their hashes; the export is audited");
        group.MapGet("/verify", VerifyAsync).WithSummary("Walk the hash chain and name the first row edited, deleted or inserted out of order");
        return api;
    }

    private static async Task<Results<Ok<AuditPageDto>, ProblemHttpResult>> SearchAsync(
        AuditTrailService trail, CancellationToken ct, int page = 1, int pageSize = 50, string? patient = null, string? user = null,
        string? action = null, DateOnly? from = null, DateOnly? to = null)
    {
        if (page is < 1 or > 1_000_000)
        {
            return ApiProblems.Validation("page", "The page starts at 1.");
        }

        if (pageSize is < 1 or > AuditQuery.MaxPageSize)
        {
            return ApiProblems.Validation("pageSize", $"The page size is between 1 and {AuditQuery.MaxPageSize}.");
        }

        if (Validate(patient, user, action, from, to, out var parsed) is { } invalid)
        {
            return invalid;
        }

        var result = await trail.SearchAsync(new AuditQuery(page - 1, pageSize, patient, user, parsed, from, to), ct);
        return TypedResults.Ok(new AuditPageDto([.. result.Rows.Select(ToDto)], result.TotalCount, page, pageSize));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        AuditTrailService trail, CancellationToken ct, string? patient = null, string? user = null, string? action = null, DateOnly? from = null, DateOnly? to = null)
    {
        if (Validate(patient, user, action, from, to, out var parsed) is { } invalid)
        {
            return invalid;
        }

        var rows = await trail.ExportAsync(new AuditQuery(0, AuditQuery.MaxPageSize, patient, user, parsed, from, to), ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(AuditCsv.Write(rows)), "text/csv; charset=utf-8", "audit-log.csv");
    }

    private static async Task<Ok<AuditVerificationDto>> VerifyAsync(AuditChainVerifier verifier, CancellationToken ct)
    {
        var result = await verifier.VerifyAsync(ct);
        return TypedResults.Ok(new AuditVerificationDto(result.Intact, result.RowsChecked, result.FirstBadRowId, ApiEnums.Name(result.Tamper), result.Message));
    }

    private static ProblemHttpResult? Validate(string? patient, string? user, string? action, DateOnly? from, DateOnly? to, out AuditAction? parsed)
    {
        parsed = null;
        if (patient is { Length: > 200 } || user is { Length: > 256 })
        {
            return ApiProblems.Validation(patient is { Length: > 200 } ? "patient" : "user", "The filter is too long.");
        }

        if (!string.IsNullOrWhiteSpace(action))
        {
            if (!ApiEnums.TryParse<AuditAction>(action, out var value))
            {
                return ApiProblems.Validation("action", $"The action is one of: {ApiEnums.Choices<AuditAction>()}.");
            }

            parsed = value;
        }

        return from > to ? ApiProblems.Validation("from", "The start date is after the end date.") : null;
    }

    private static AuditEventDto ToDto(AuditRow r) => new(
        r.Id, r.OccurredUtc, r.ActorUserId, r.ActorEmail, r.ActorRole, r.ClientAddress, ApiEnums.Name(r.Channel), ApiEnums.Name(r.Action),
        r.EntityType, r.EntityId, r.PatientId, r.PatientName, r.ChangedFields?.Split(',') ?? [], r.CorrelationId, r.PreviousHash, r.Hash);
}
