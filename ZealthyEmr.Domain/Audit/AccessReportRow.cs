namespace ZealthyEmr.Domain.Audit;

/// <summary>One line of a patient's access report: which staff member did what to their record, and when.</summary>
public sealed record AccessReportRow(DateTime OccurredUtc, string StaffName, string? Role, AuditAction Action, string Record);
