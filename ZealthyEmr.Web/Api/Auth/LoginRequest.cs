namespace ZealthyEmr.Web.Api.Auth;

/// <summary><paramref name="Code"/>: the authenticator's 6-digit code or a recovery code, for accounts with two factors on.</summary>
public sealed record LoginRequest(string? Email, string? Password, string? Code = null);
