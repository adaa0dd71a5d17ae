namespace ZealthyEmr.Domain.Accounts;

internal sealed record PasswordResetRequest(string Email, Func<string, string, string> LinkFor);
