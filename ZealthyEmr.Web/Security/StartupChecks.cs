using System.Reflection;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Web.Security;

/// <summary>
/// Runs every options validation before the database is touched. A bad setting ends the process with one line on
/// standard error naming the key and exit code 1, instead of a stack trace after the migrations ran.
/// </summary>
public static class StartupChecks
{
    public const int ConfigurationErrorExitCode = 1;

    public static bool CheckEmrConfiguration(this WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine($"Configuration error: {Describe(e)}");
            return false;
        }

        WarnAboutProductionSettings(app);
        return true;
    }

    private static string Describe(OptionsValidationException e)
    {
        // Custom checks name their key; data-annotation failures name a member, so prefix the section.
        var section = e.OptionsType.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
        var failures = e.Failures.Select(f => f.ReplaceLineEndings(" ").Trim());
        var text = string.Join(" ", failures);
        return section is not null && !text.Contains(section + ":", StringComparison.Ordinal) ? $"[{section}] {text}" : text;
    }

    private static void WarnAboutProductionSettings(WebApplication app)
    {
        if (!app.Environment.IsProduction())
        {
            return;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ZealthyEmr.Security");
        if (string.IsNullOrWhiteSpace(app.Services.GetRequiredService<IOptions<KeyRingOptions>>().Value.CertificatePath))
        {
            logger.LogWarning("DataProtection:CertificatePath is not set: the Data Protection keys that protect sign-in cookies are stored unencrypted in the database.");
        }

        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.SeedDemoData == true)
        {
            logger.LogWarning("Database:SeedDemoData is true in Production: the demo accounts with their published password exist on this instance.");
        }
    }
}
