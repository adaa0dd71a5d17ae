namespace ZealthyEmr.Web.Health;

/// <summary><see cref="Version"/> (with its commit) is null unless the caller is an Admin.</summary>
public sealed record StatusResponse(string? Version, TimeSpan Uptime, DateTimeOffset StartedAt, string DatabaseProvider, string LockProvider);
