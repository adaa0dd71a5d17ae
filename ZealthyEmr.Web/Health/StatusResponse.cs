namespace ZealthyEmr.Web.Health;

public sealed record StatusResponse(string Version, TimeSpan Uptime, DateTimeOffset StartedAt, string DatabaseProvider, string LockProvider);
