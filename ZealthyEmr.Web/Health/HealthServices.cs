namespace ZealthyEmr.Web.Health;

public sealed record HealthServices(string Api, string Redis, string Database);
