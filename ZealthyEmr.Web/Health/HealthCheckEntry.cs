namespace ZealthyEmr.Web.Health;

public sealed record HealthCheckEntry(string Status, string? Description);
