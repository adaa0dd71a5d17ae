namespace ZealthyEmr.Web.Api.Auth;

/// <summary><see cref="Role"/> is Admin, Staff or Patient; a Patient login comes with its patient record.</summary>
public sealed record RegisterRequest(string? Email, string? Password, string? Name, string? Role);
