using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using ZealthyEmr.Web.Infrastructure;

namespace ZealthyEmr.Web.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Headers, forwarded headers, cookie flags, the key ring, sign-in limits and the sign-in credential check.</summary>
    public static WebApplicationBuilder AddEmrSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var production = builder.Environment.IsProduction();

        services.AddEmrSecurityHeaders();
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

        services.AddOptions<NetworkOptions>().BindConfiguration(NetworkOptions.Section)
            .Validate(o => o.IsValid(out _), "Network:KnownProxies must list IP addresses and Network:KnownNetworks CIDR networks (10.0.0.0/24).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<NetworkOptions>>((o, network) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (!network.Value.IsValid(out _) || network.Value.KnownProxies.Length + network.Value.KnownNetworks.Length == 0)
            {
                return;
            }

            // Listed proxies replace the loopback default, so only they are believed.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in network.Value.KnownProxies)
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            foreach (var cidr in network.Value.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(cidr));
            }
        });

        // Behind TLS (directly or through a proxy) every cookie is Secure in Production, whatever scheme Kestrel sees.
        var secure = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.ConfigureAll<CookieAuthenticationOptions>(o => o.Cookie.SecurePolicy = secure);
        services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = secure);

        services.AddEmrDataProtection(builder.Configuration, builder.Environment);
        services.AddEmrSignInRateLimits();
        services.AddScoped<CredentialCheck>();
        return builder;
    }
}
