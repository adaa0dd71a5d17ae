using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Web.Security;

namespace ZealthyEmr.Web.Infrastructure;

internal static class DataProtectionExtensions
{
    /// <summary>
    /// Keys live in the database every instance shares (not in Redis, where a restart lost them and an outage at start
    /// broke the sign-in page), under a per-deployment application name, encrypted with a certificate when one is set.
    /// </summary>
    public static IServiceCollection AddEmrDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var builder = services.AddDataProtection()
            .SetApplicationName(options.ApplicationNameFor(environment))
            .PersistKeysToDbContext<EmrDbContext>();

        var keyRing = services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section);
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return services;
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            if (!certificate.HasPrivateKey)
            {
                keyRing.Validate(_ => false, "DataProtection:CertificatePath must point to a PFX with its private key.").ValidateOnStart();
                return services;
            }

            builder.ProtectKeysWithCertificate(certificate);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            // Reported by the start-up check as one line naming the key, before any database work.
            var message = $"DataProtection:CertificatePath '{options.CertificatePath}' could not be loaded: {e.Message.Trim()}";
            keyRing.Validate(_ => false, message).ValidateOnStart();
        }

        return services;
    }
}
