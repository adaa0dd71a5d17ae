using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace ZealthyEmr.Web.Infrastructure;

internal static class DataProtectionExtensions
{
    /// <summary>With Redis, every instance shares the key ring, so any instance can read any user's cookie.</summary>
    public static IServiceCollection AddEmrDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection().SetApplicationName("ZealthyEmr");
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis")))
        {
            services.AddOptions<KeyManagementOptions>()
                .Configure<IConnectionMultiplexer>((o, redis) => o.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), "emr:data-protection-keys"));
        }

        return services;
    }
}
