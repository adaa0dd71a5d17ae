using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Tests.Security;

/// <summary>The built app started as an operator would: <c>dotnet ZealthyEmr.Web.dll</c> with environment variables.</summary>
public sealed class ProductionStartTests
{
    [Fact]
    public async Task Production_WithoutAskingForDemoData_HasNoDemoAccounts()
    {
        await using var app = ProductionApp.Create(new Dictionary<string, string?> { ["Database:SeedDemoData"] = null });
        _ = app.Server;

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Users.AnyAsync());
        Assert.False(await db.Patients.AnyAsync());
    }

    [Fact]
    public async Task Production_AskingForDemoData_SeedsIt_AndWarnsAtStart()
    {
        var database = Path.Combine(Path.GetTempPath(), $"zealthy-prod-{Guid.NewGuid():N}.db");
        try
        {
            var (exit, output, _) = await RunAsync(
                new() { ["Jwt__SigningKey"] = ProductionApp.NewSigningKey(), ["ConnectionStrings__Emr"] = $"Data Source={database}", ["Database__SeedDemoData"] = "true" },
                until: "Now listening");

            Assert.Null(exit);
            Assert.Contains("Database:SeedDemoData is true in Production", output);
            Assert.Contains("DataProtection:CertificatePath is not set", output);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(database + suffix);
            }
        }
    }

    [Theory]
    [InlineData(null, null, "Jwt:SigningKey")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", null, "Jwt:SigningKey")]
    [InlineData("YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFh", null, "Jwt:SigningKey")]
    [InlineData("random", "Mars/Olympus_Mons", "Clinic:TimeZone")]
    public async Task ConfigurationError_PrintsOneLineNamingTheKey_AndExitsBeforeTouchingTheDatabase(string? signingKey, string? timeZone, string key)
    {
        var database = Path.Combine(Path.GetTempPath(), $"zealthy-bad-{Guid.NewGuid():N}.db");
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Emr"] = $"Data Source={database}", ["Clinic__TimeZone"] = timeZone };
        environment["Jwt__SigningKey"] = signingKey == "random" ? ProductionApp.NewSigningKey() : signingKey;

        var (exit, output, errors) = await RunAsync(environment, until: null);

        Assert.Equal(1, exit);
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.Contains(key, line);
        Assert.DoesNotContain("   at ", output + errors);
        Assert.DoesNotContain("Exception", output + errors);
        Assert.False(File.Exists(database), "the database was created before the configuration was checked");
    }

    /// <summary>Runs the app until it exits, or until <paramref name="until"/> appears in its output (then stops it).</summary>
    private static async Task<(int? Exit, string Output, string Errors)> RunAsync(Dictionary<string, string?> environment, string? until)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "ZealthyEmr.Web.dll");
        var start = new ProcessStartInfo("dotnet", [web])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__Redis"] = "";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var errors = new System.Text.StringBuilder();
        var seen = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (until is not null && e.Data?.Contains(until, StringComparison.Ordinal) == true)
            {
                seen.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var exited = process.WaitForExitAsync(timeout.Token);
        await Task.WhenAny(exited, seen.Task);
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return (null, output.ToString(), errors.ToString());
        }

        await process.WaitForExitAsync(CancellationToken.None);
        return (process.ExitCode, output.ToString(), errors.ToString());
    }
}
