namespace ZealthyEmr.Domain.Sessions;

/// <summary>A login as the admin sees it when controlling its access.</summary>
public sealed record AccountSummary(string UserId, string Name, string Email, string Role, bool SignInDisabled, bool LockedOut, int ActiveSessions);
