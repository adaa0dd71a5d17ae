using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace ZealthyEmr.Web.Health;

/// <summary>Redis down is degraded, not unhealthy: bookings go on under the database guard alone.</summary>
internal sealed class RedisHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<IConnectionMultiplexer>() is not { } redis)
        {
            return HealthCheckResult.Healthy("Not configured; in-process lock and notifications.");
        }

        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
            return HealthCheckResult.Healthy($"Ping {latency.TotalMilliseconds:0.0} ms.");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("Redis is unreachable; bookings rely on the database guard alone.", ex);
        }
    }
}
