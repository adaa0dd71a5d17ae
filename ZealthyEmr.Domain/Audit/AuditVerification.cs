namespace ZealthyEmr.Domain.Audit;

/// <summary>
/// The result of walking the chain: intact, or the first row that fails and how. <see cref="FirstBadRowId"/> is the
/// row whose content no longer matches its hash (edited), the first missing position (deleted), or the row that
/// does not follow its predecessor (inserted or moved out of order).
/// </summary>
public sealed record AuditVerification(bool Intact, long RowsChecked, long? FirstBadRowId, AuditTamper Tamper, string Message);
