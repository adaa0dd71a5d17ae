namespace ZealthyEmr.Domain.Sessions;

public static class SessionClaims
{
    /// <summary>The session's id, added to the stored principal so a circuit knows which session it belongs to.</summary>
    public const string SessionId = "zealthy:sid";
}
