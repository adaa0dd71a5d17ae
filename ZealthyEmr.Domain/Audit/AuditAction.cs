namespace ZealthyEmr.Domain.Audit;

/// <summary>What an audit row records. Stored as text, so the values can be reordered without rewriting history.</summary>
public enum AuditAction
{
    View,
    Create,
    Update,
    Archive,
    Restore,
    Purge,
    Export,
    SignIn,
    SignInFailed,
    LockedOut,
    SignOut,
    SessionExpired,
    SessionRevoked,
    PasswordChanged,
    TwoFactorChanged,
    AccessDenied,
}
