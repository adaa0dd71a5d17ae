namespace ZealthyEmr.Domain.Audit;

/// <summary>How the chain was broken at the first bad row.</summary>
public enum AuditTamper
{
    None,
    Edited,
    Deleted,
    OutOfOrder,
}
