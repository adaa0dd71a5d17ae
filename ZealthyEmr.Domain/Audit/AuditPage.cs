namespace ZealthyEmr.Domain.Audit;

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int TotalCount);
