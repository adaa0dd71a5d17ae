using System.Reflection;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Web.Health;

/// <summary>What /api/status reports: build, uptime and the infrastructure this instance runs on.</summary>
internal sealed class AppStatus(TimeProvider clock, IOptions<DatabaseOptions> database, IServiceProvider services)
{
    private readonly DateTimeOffset startedAt = clock.GetUtcNow();

    public StatusResponse Snapshot() => new(
        typeof(AppStatus).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
        clock.GetUtcNow() - startedAt,
        startedAt,
        database.Value.Provider.ToString(),
        LockProviderName());

    private string LockProviderName() =>
        services.GetService<Medallion.Threading.IDistributedLockProvider>() switch
        {
            null => "none",
            var p => p.GetType().Name,
        };
}
