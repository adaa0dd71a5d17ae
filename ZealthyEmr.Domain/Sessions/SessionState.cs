namespace ZealthyEmr.Domain.Sessions;

public enum SessionState
{
    Active,

    /// <summary>Idle too long or past its absolute lifetime; the row has just been removed.</summary>
    Expired,

    /// <summary>No such session: signed out, revoked, or expired earlier.</summary>
    Ended,
}
