namespace ZealthyEmr.Web.Health;

internal static class HealthServiceCollectionExtensions
{
    public static IServiceCollection AddEmrHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return services;
    }
}
