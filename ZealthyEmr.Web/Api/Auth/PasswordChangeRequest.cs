namespace ZealthyEmr.Web.Api.Auth;

/// <summary><paramref name="Code"/> is needed only when the account has two factors on.</summary>
public sealed record PasswordChangeRequest(string? Email, string? CurrentPassword, string? NewPassword, string? Code = null);
