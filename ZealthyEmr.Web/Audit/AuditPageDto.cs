namespace ZealthyEmr.Web.Audit;

public sealed record AuditPageDto(IReadOnlyList<AuditEventDto> Items, int TotalCount, int Page, int PageSize);
