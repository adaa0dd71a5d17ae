using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ZealthyEmr.Tests.Infrastructure;

public static class PageExtensions
{
    /// <summary>Clicks on prerendered markup are lost; wait until the circuit has taken over the page.</summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.Locator("[data-testid=circuit-ready]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Waits until the page's address matches <paramref name="glob"/> ("**" any text, "*" any text without a slash, the
    /// rest literal) and its document has loaded. Not <c>WaitForURLAsync</c>: it checks the address and then subscribes to
    /// the navigation and load events, so one delivered in between is lost and it times out on a page that has arrived
    /// (microsoft/playwright-dotnet#3364; it failed a clean-clone run once, after a sign-out). These two are polled instead.
    /// </summary>
    public static Task WaitForAddressAsync(this IPage page, string glob) => page.WaitForAddressAsync(GlobPattern(glob));

    public static async Task WaitForAddressAsync(this IPage page, Regex address)
    {
        await Assertions.Expect(page).ToHaveURLAsync(address, new PageAssertionsToHaveURLOptions { Timeout = 30_000 });
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
    }

    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=sign-in]");
    }

    /// <summary>Saves a full-page screenshot when ZEALTHY_SCREENSHOTS names a folder, for looking at a run by eye.</summary>
    public static async Task ScreenshotIfRequestedAsync(this IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("ZEALTHY_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    private static Regex GlobPattern(string glob) =>
        new("^" + Regex.Escape(glob).Replace(@"\*\*", "\0").Replace(@"\*", "[^/]*").Replace("\0", ".*") + "$");
}
