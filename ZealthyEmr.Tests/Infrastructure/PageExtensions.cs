using Microsoft.Playwright;

namespace ZealthyEmr.Tests.Infrastructure;

public static class PageExtensions
{
    /// <summary>Clicks on prerendered markup are lost; wait until the circuit has taken over the page.</summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.Locator("[data-testid=circuit-ready]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

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
}
