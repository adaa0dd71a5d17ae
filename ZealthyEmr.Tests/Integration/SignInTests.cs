using System.Net;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration;

public sealed class SignInTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Patient_LandsOnThePortal()
    {
        using var client = database.App.CreateBrowserLikeClient();
        using var response = await client.PostLoginAsync(DemoLogins.Mark, DemoLogins.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(DemoLogins.Admin)]
    [InlineData(DemoLogins.Staff)]
    public async Task AdminAndStaff_LandOnTheAdminPortal(string email)
    {
        using var client = database.App.CreateBrowserLikeClient();
        using var response = await client.PostLoginAsync(email, DemoLogins.Password);

        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task OffSiteReturnUrl_IsIgnored()
    {
        using var client = database.App.CreateBrowserLikeClient();
        using var response = await client.PostLoginAsync(DemoLogins.Mark, DemoLogins.Password, "//evil.example/phish");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnonymousVisitor_IsSentToLogin()
    {
        using var client = database.App.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Patient_CannotOpenAdminPages()
    {
        using var client = database.App.CreateBrowserLikeClient();
        await client.PostLoginAsync(DemoLogins.Lisa, DemoLogins.Password);

        using var response = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task SignInWithoutAntiforgeryToken_IsRefused_WithAMessage()
    {
        using var client = database.App.CreateBrowserLikeClient();
        using var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = DemoLogins.Mark,
            ["password"] = DemoLogins.Password,
        }));

        Assert.Contains("error=expired", response.Headers.Location?.OriginalString);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith("zealthy.auth", StringComparison.Ordinal));
    }
}
