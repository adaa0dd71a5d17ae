using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Notifications;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Security;

public sealed class SignInHardeningTests
{
    [Fact]
    public async Task FailedSignIn_DoesNotPutTheEmailInTheAddress()
    {
        await using var app = new EmrAppFactory();
        using var client = app.CreateBrowserLikeClient();
        var longEmail = new string('x', 5000) + "@example.com";

        using var wrong = await client.PostLoginAsync(DemoLogins.Mark, "not-his-password");
        using var huge = await client.PostLoginAsync(longEmail, "whatever-it-is");

        Assert.Equal("/account/login?error=invalid", wrong.Headers.Location?.OriginalString);
        Assert.Equal("/account/login?error=invalid", huge.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task UnknownEmail_AndLockedAccount_AnswerExactlyLikeAWrongPassword_AndTheOwnerIsEmailedOnce()
    {
        await using var app = new EmrAppFactory();
        using var client = app.CreateBrowserLikeClient();
        using var wrong = await client.PostLoginAsync(DemoLogins.Lisa, "not-her-password");
        using var unknown = await client.PostLoginAsync("nobody-here@zealthy.example", "not-a-password");
        for (var i = 0; i < 5; i++)
        {
            using var _ = await client.PostLoginAsync(DemoLogins.Lisa, "not-her-password");
        }

        using var locked = await client.PostLoginAsync(DemoLogins.Lisa, DemoLogins.Password);

        Assert.Equal(wrong.Headers.Location, unknown.Headers.Location);
        Assert.Equal(wrong.Headers.Location, locked.Headers.Location);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync(m => m.Recipient == DemoLogins.Lisa && m.Kind == EmailKinds.AccountLockedOut));
    }

    [Theory]
    [InlineData("/appointments\tx")]
    [InlineData("/appointments\r\nSet-Cookie: x=y")]
    [InlineData("/appointments\u007f")]
    [InlineData("/appointments\u2028")]
    [InlineData("/appointments\u3000")]
    public async Task ReturnUrlWithControlOrSpaceCharacters_AfterTheRightPassword_GoesHome(string returnUrl)
    {
        await using var app = new EmrAppFactory();
        using var client = app.CreateBrowserLikeClient();

        using var response = await client.PostLoginAsync(DemoLogins.Mark, DemoLogins.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Logout_WithoutTheAntiforgeryToken_DoesNothing_AndTheUserStaysSignedIn()
    {
        await using var app = new EmrAppFactory();
        using var client = app.CreateBrowserLikeClient();
        await client.PostLoginAsync(DemoLogins.Mark, DemoLogins.Password);

        using var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        using var home = await client.GetAsync("/");

        Assert.Equal("/", forged.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task PortalSignIn_IsLimitedPerAddress_WithA429PageGivingTheWait()
    {
        await using var app = new EmrAppFactory(settings: new Dictionary<string, string?>
        {
            ["Security:SignInRateLimits:PerAddressPermitLimit"] = "3",
            ["Security:SignInRateLimits:PerAddressWindowSeconds"] = "600",
        });
        using var client = app.CreateBrowserLikeClient();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.PostLoginAsync($"someone{i}@zealthy.example", "wrong-password");
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }

        using var limited = await client.PostLoginAsync("someone-else@zealthy.example", "wrong-password");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var seconds = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 600);
        Assert.Contains("Too many sign-in attempts. Please wait", await limited.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PortalSignIn_IsLimitedPerAccount_WhileOtherAccountsStillSignIn()
    {
        await using var app = new EmrAppFactory(settings: new Dictionary<string, string?>
        {
            ["Security:SignInRateLimits:PerAccountPermitLimit"] = "2",
            ["Security:SignInRateLimits:PerAccountWindowSeconds"] = "600",
        });
        using var client = app.CreateBrowserLikeClient();
        for (var i = 0; i < 2; i++)
        {
            using var _ = await client.PostLoginAsync(DemoLogins.Lisa, "wrong-password");
        }

        using var limited = await client.PostLoginAsync(" LISA@some-email-provider.net", DemoLogins.Password);
        using var other = await client.PostLoginAsync(DemoLogins.Mark, DemoLogins.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("/", other.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ApiLoginLimit_IsPerClient_BehindATrustedProxy()
    {
        // Kestrel on loopback: the connection comes from 127.0.0.1, the default trusted proxy, as from a local reverse proxy.
        await using var app = new EmrAppFactory(settings: new Dictionary<string, string?>
        {
            ["Api:RateLimits:LoginPermitLimit"] = "2",
            ["Api:RateLimits:LoginWindowSeconds"] = "600",
        });
        using var client = new HttpClient { BaseAddress = app.StartKestrel() };

        Assert.Equal(HttpStatusCode.Unauthorized, await LoginFromAsync(client, "203.0.113.10"));
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginFromAsync(client, "203.0.113.10"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginFromAsync(client, "203.0.113.10"));
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginFromAsync(client, "203.0.113.20"));
    }

    [Fact]
    public async Task ForwardedFor_FromAnUnlistedProxy_IsIgnored()
    {
        await using var app = new EmrAppFactory(settings: new Dictionary<string, string?>
        {
            ["Api:RateLimits:LoginPermitLimit"] = "1",
            ["Api:RateLimits:LoginWindowSeconds"] = "600",
            ["Network:KnownProxies:0"] = "10.9.9.9",
        });
        using var client = new HttpClient { BaseAddress = app.StartKestrel() };

        Assert.Equal(HttpStatusCode.Unauthorized, await LoginFromAsync(client, "203.0.113.10"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginFromAsync(client, "203.0.113.20"));
    }

    private static async Task<HttpStatusCode> LoginFromAsync(HttpClient client, string clientAddress)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email = DemoLogins.Mark, password = "wrong-password" }) };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
