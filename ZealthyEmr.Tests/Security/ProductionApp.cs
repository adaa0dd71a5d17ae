using System.Security.Cryptography;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Security;

/// <summary>The app as a Production deployment starts it: a real signing key, HTTPS known, demo data only when asked.</summary>
internal static class ProductionApp
{
    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static EmrAppFactory Create(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Jwt:SigningKey"] = NewSigningKey(),
            ["https_port"] = "443",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new EmrAppFactory(settings: all, environment: "Production");
    }
}
