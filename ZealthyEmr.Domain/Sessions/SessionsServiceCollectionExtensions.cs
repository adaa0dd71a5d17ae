using Microsoft.Extensions.DependencyInjection;

namespace ZealthyEmr.Domain.Sessions;

public static class SessionsServiceCollectionExtensions
{
    public static IServiceCollection AddEmrSessions(this IServiceCollection services)
    {
        services.AddOptions<SessionLifetimeOptions>()
            .BindConfiguration(SessionLifetimeOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.AbsoluteSessionLifetime >= o.IdleTimeout, "Security:AbsoluteSessionLifetime must be at least Security:IdleTimeout.")
            .ValidateOnStart();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<SessionValidator>();
        services.AddSingleton<AccountAccessService>();
        services.AddHostedService<SessionSweeper>();
        return services;
    }
}
