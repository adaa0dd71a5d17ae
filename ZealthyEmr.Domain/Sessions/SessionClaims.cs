namespace ZealthyEmr.Domain.Sessions;

public static class SessionClaims
{
    /// <summary>The session's id, added to the stored principal so a circuit knows which session it belongs to.</summary>
    public const string SessionId = "zealthy:sid";

    /// <summary>
    /// The caller's patient id, put on an API request's principal by the server after its token's user check (any
    /// such claim the token carried is removed first), so patient routes need not look it up again.
    /// </summary>
    public const string PatientId = "zealthy:pid";
}
