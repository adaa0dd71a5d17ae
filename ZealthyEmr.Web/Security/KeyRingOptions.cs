namespace ZealthyEmr.Web.Security;

/// <summary>The Data Protection key ring (cookies, antiforgery, Identity tokens): kept in the database.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>
    /// Isolates this deployment's cookies from any other app sharing the database or host; defaults to
    /// <c>ZealthyEmr-{environment}</c>. Every instance of one deployment must use the same name.
    /// </summary>
    public string? ApplicationName { get; set; }

    /// <summary>A PFX whose certificate encrypts the keys at rest; without it the keys are stored unencrypted.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    public string ApplicationNameFor(IHostEnvironment environment) =>
        string.IsNullOrWhiteSpace(ApplicationName) ? $"ZealthyEmr-{environment.EnvironmentName}" : ApplicationName.Trim();
}
