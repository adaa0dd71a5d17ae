using System.Net;

namespace ZealthyEmr.Web.Security;

/// <summary>
/// The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed. Empty lists trust only loopback,
/// so behind an unlisted proxy every client shares the proxy's address (and its rate limits).
/// </summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool IsValid(out string? problem)
    {
        problem = KnownProxies.FirstOrDefault(p => !IPAddress.TryParse(p, out _)) is { } badProxy
            ? $"Network:KnownProxies has '{badProxy}', which is not an IP address."
            : KnownNetworks.FirstOrDefault(n => !IPNetwork.TryParse(n, out _)) is { } badNetwork
                ? $"Network:KnownNetworks has '{badNetwork}', which is not a CIDR network such as 10.0.0.0/24."
                : null;
        return problem is null;
    }
}
