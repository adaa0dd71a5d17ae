using ZealthyEmr.Web.Api.Legacy;

namespace ZealthyEmr.Web.Api.Auth;

public sealed record LoginResponse(string Message, string Token, DateTimeOffset ExpiresAt, LoginUserDto User);
