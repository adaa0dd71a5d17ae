namespace ZealthyEmr.Web.Health;

/// <summary>
/// <see cref="Status"/>, <see cref="Timestamp"/> and <see cref="Services"/> are the original contract's shape;
/// <see cref="Checks"/> gives each check's description too. Statuses are healthy, degraded or unhealthy.
/// </summary>
public sealed record HealthResponse(string Status, DateTimeOffset Timestamp, HealthServices Services, IReadOnlyDictionary<string, HealthCheckEntry> Checks);
