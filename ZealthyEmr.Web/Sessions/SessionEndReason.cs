namespace ZealthyEmr.Web.Sessions;

/// <summary>Why a page left its session; the sign-in page words its note from it.</summary>
public enum SessionEndReason
{
    /// <summary>No input for <c>Security:IdleTimeout</c>.</summary>
    Idle,

    /// <summary><c>Security:AbsoluteSessionLifetime</c> reached.</summary>
    Expired,

    /// <summary>Ended elsewhere: another tab signed out, the user or an admin ended it, or sign-in was disabled.</summary>
    Ended,

    /// <summary>The user chose to sign out.</summary>
    SignedOut,
}
