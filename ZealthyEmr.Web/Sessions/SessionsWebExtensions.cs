using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Sessions;

namespace ZealthyEmr.Web.Sessions;

public static class SessionsWebExtensions
{
    /// <summary>
    /// Server-side portal sessions: the ticket store, the per-request user check, and the absolute lifetime as the
    /// ticket's expiry. The idle limit is applied by the store on every lookup, so the cookie itself never slides.
    /// </summary>
    public static IServiceCollection AddEmrSessionsWeb(this IServiceCollection services)
    {
        services.AddSingleton<DbTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DbTicketStore, IOptions<SessionLifetimeOptions>, TimeProvider>((o, store, lifetime, clock) =>
            {
                o.SessionStore = store;
                o.ExpireTimeSpan = lifetime.Value.AbsoluteSessionLifetime;
                o.SlidingExpiration = false;
                o.Events.OnValidatePrincipal = SessionCookieEvents.ValidatePrincipalAsync;
                o.Events.OnSigningOut = SessionCookieEvents.SigningOutAsync;
                o.TimeProvider = clock;
            });
        return services;
    }

    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        SessionEndpoints.Map(app);
        return app;
    }
}
