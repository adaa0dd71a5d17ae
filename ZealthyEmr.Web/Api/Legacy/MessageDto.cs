namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>The original contract's answer to a delete: <c>{message}</c>.</summary>
public sealed record MessageDto(string Message);
