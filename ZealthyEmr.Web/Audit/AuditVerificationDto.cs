namespace ZealthyEmr.Web.Audit;

/// <summary><c>tamper</c> is none, edited, deleted or outoforder; <c>firstBadRowId</c> names the row to look at.</summary>
public sealed record AuditVerificationDto(bool Intact, long RowsChecked, long? FirstBadRowId, string Tamper, string Message);
