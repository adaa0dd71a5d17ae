using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ZealthyEmr.Domain.Audit;

public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddEmrAudit(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAuditContext, AmbientAuditContext>();
        services.AddSingleton<IInterceptor, AuditTrailInterceptor>();
        services.AddSingleton<AuditBuffer>();
        services.AddSingleton<AuditWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditWriter>());
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddSingleton<AuditChainVerifier>();
        services.AddSingleton<AuditTrailService>();
        services.AddSingleton<LastChangeLookup>();
        return services;
    }
}
