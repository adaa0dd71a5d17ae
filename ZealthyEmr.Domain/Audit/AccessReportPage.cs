namespace ZealthyEmr.Domain.Audit;

public sealed record AccessReportPage(IReadOnlyList<AccessReportRow> Rows, int TotalCount);
