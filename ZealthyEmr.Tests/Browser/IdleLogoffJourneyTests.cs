using System.Net;
using Microsoft.Playwright;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Browser;

/// <summary>The portal with a 5-second idle timeout, so the whole automatic logoff fits in a test.</summary>
public sealed class ShortIdleBrowser : IAsyncLifetime
{
    public BrowserFixture Browser { get; } = new(new Dictionary<string, string?> { ["Security:IdleTimeout"] = "00:00:05" });

    public Task InitializeAsync() => Browser.InitializeAsync();

    public Task DisposeAsync() => Browser.DisposeAsync();
}

[Collection(BrowserCollection.Name)]
public sealed class IdleLogoffJourneyTests(ShortIdleBrowser fixture) : IClassFixture<ShortIdleBrowser>
{
    [Fact]
    public async Task UntouchedPortal_WarnsThenSignsOut_AndTheCopiedCookieIsRefused()
    {
        var browser = fixture.Browser;
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoLogins.Mark, DemoLogins.Password);
        await page.WaitForCircuitAsync();
        var copied = (await page.Context.CookiesAsync()).Single(c => c.Name == PortalSessions.CookieName);

        // Nothing is clicked or typed from here on.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("idle-countdown")).ToBeVisibleAsync();
        await page.ScreenshotIfRequestedAsync("idle-warning");

        await page.WaitForAddressAsync("**/account/login?notice=idle");
        await Assertions.Expect(page.GetByTestId("login-notice")).ToContainTextAsync("inactivity");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == PortalSessions.CookieName);

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = browser.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", $"{copied.Name}={copied.Value}");
        using var replay = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Contains("/account/login", replay.Headers.Location?.ToString());
    }
}
