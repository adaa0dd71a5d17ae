using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Security;

public sealed class KeyRingTests
{
    [Fact]
    public async Task DataProtectionKeys_AreStoredInTheDatabase()
    {
        await using var app = new EmrAppFactory();
        using var client = app.CreateBrowserLikeClient();

        using var signedIn = await client.PostLoginAsync(DemoLogins.Mark, DemoLogins.Password);

        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }

    [Fact]
    public async Task RedisDownAtStart_SignInStillWorks()
    {
        // Nothing listens on port 1: Redis is configured but unreachable from the first moment.
        await using var app = new EmrAppFactory(redis: "127.0.0.1:1");
        using var client = app.CreateBrowserLikeClient();

        using var page = await client.GetAsync("/account/login");
        using var signedIn = await client.PostLoginAsync(DemoLogins.Mark, DemoLogins.Password);
        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task CookieFromAnotherApplicationName_IsNotAccepted_EvenOnTheSameDatabase()
    {
        var database = Path.Combine(Path.GetTempPath(), $"zealthy-keys-{Guid.NewGuid():N}.db");
        try
        {
            await using var first = new EmrAppFactory(database, settings: new Dictionary<string, string?> { ["DataProtection:ApplicationName"] = "ClinicA" });
            await using var second = new EmrAppFactory(database, settings: new Dictionary<string, string?> { ["DataProtection:ApplicationName"] = "ClinicB" });
            await using var same = new EmrAppFactory(database, settings: new Dictionary<string, string?> { ["DataProtection:ApplicationName"] = "ClinicA" });
            using var client = first.CreateBrowserLikeClient();
            using var signedIn = await client.PostLoginAsync(DemoLogins.Lisa, DemoLogins.Password);
            var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("zealthy.auth=", StringComparison.Ordinal)).Split(';')[0];

            Assert.Equal(HttpStatusCode.Redirect, (await GetHomeAsync(second, cookie)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await GetHomeAsync(same, cookie)).StatusCode);
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

    [Fact]
    public async Task WithACertificate_TheStoredKeysAreEncrypted()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=zealthy-keyring-test", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var pfx = Path.Combine(Path.GetTempPath(), $"zealthy-keyring-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "test-password"));
        try
        {
            await using var app = new EmrAppFactory(settings: new Dictionary<string, string?>
            {
                ["DataProtection:CertificatePath"] = pfx,
                ["DataProtection:CertificatePassword"] = "test-password",
            });
            using var client = app.CreateBrowserLikeClient();
            using var signedIn = await client.PostLoginAsync(DemoLogins.Mark, DemoLogins.Password);
            using var home = await client.GetAsync("/");

            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
            var xml = Assert.Single(await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
            Assert.Contains("EncryptedData", xml);
            Assert.DoesNotContain("<value>", xml);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    private static async Task<HttpResponseMessage> GetHomeAsync(EmrAppFactory app, string cookie)
    {
        using var client = app.CreateBrowserLikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
