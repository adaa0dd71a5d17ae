namespace ZealthyEmr.Web.Api.Auth;

public sealed record LoginResponse(string Token, DateTimeOffset ExpiresAt, ApiUserDto User);
