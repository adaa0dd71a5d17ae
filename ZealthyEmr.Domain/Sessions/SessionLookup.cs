namespace ZealthyEmr.Domain.Sessions;

/// <summary>A session looked up by key: its row when still active.</summary>
public sealed record SessionLookup(SessionState State, UserSession? Session)
{
    public static readonly SessionLookup Ended = new(SessionState.Ended, null);
}
