using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Browser.Accessibility;

/// <summary>What axe cannot see: where keyboard focus goes, whether it shows, and which theme the sign-in page takes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardAndThemeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string FocusedInMain = "() => document.activeElement?.closest('#main-content') !== null";

    [Fact]
    public async Task SkipLink_IsTheFirstTabStop_AndTakesFocusPastTheNavigation()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoLogins.Mark, DemoLogins.Password);
        await page.WaitForCircuitAsync();
        await page.GotoAsync("/appointments");
        await page.WaitForCircuitAsync();

        await StartTabbingFromTheTopAsync(page);
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#main-content")).ToBeFocusedAsync();
        Assert.EndsWith("/appointments", page.Url);
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>(FocusedInMain), "The Tab after the skip link should land inside the page, past the navigation.");
    }

    [Fact]
    public async Task TimeSlots_ShowWhereKeyboardFocusIs()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoLogins.Lisa, DemoLogins.Password);
        await page.WaitForCircuitAsync();
        await page.GotoAsync("/book");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("next-slot").First).ToBeVisibleAsync();

        await StartTabbingFromTheTopAsync(page);
        for (var i = 0; i < 60 && !await page.EvaluateAsync<bool>("() => document.activeElement?.dataset.testid === 'next-slot'"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        var slot = page.Locator(":focus");
        await Assertions.Expect(slot).ToHaveAttributeAsync("data-testid", "next-slot");
        await Assertions.Expect(slot).ToHaveCSSAsync("outline-style", "solid");
        await Assertions.Expect(slot).ToHaveCSSAsync("outline-width", "3px");
    }

    [Fact]
    public async Task Dialog_KeepsFocusInside_AndGivesItBackToTheButtonThatOpenedIt()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoLogins.Admin, DemoLogins.Password);
        await page.WaitForAddressAsync("**/admin");
        await page.GotoAsync("/admin/providers");
        await page.WaitForCircuitAsync();
        await WaitForFocusOnNavigateAsync(page);
        var opener = page.GetByTestId("provider-create");
        await opener.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();

        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            try
            {
                // MudBlazor's trap sends focus back from its edge sentinel through the circuit, so on a loaded machine
                // the sentinel may hold focus for a moment; focus that really left the dialog never comes back.
                await page.WaitForFunctionAsync("() => document.activeElement?.closest('[role=dialog]') !== null", null, new() { Timeout = 10_000 });
            }
            catch (TimeoutException)
            {
                Assert.Fail($"Tab {i + 1} left the open dialog.");
            }
        }

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(opener).ToBeFocusedAsync();
    }

    [Fact]
    public async Task SignInPage_OpensInTheThemeTheUserLeftWith()
    {
        var dark = await browser.App.CreatePatientLoginAsync("Dana Dark");
        var light = await browser.App.CreatePatientLoginAsync("Lena Light");
        await SetDarkModeAsync(dark, true);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        Assert.False(await IsDarkAsync(page), "A browser nobody has signed in from starts light.");

        await page.SignInAsync(dark, DemoLogins.Password);
        await page.WaitForCircuitAsync();
        await SignOutOnceTheThemeIsAppliedAsync(page, dark: true);
        await page.WaitForAddressAsync("**/account/login");
        Assert.True(await IsDarkAsync(page), "After a dark-mode user signs out, the sign-in page is dark.");
        await page.ScreenshotIfRequestedAsync("login-dark");
        await page.AssertNoViolationsAsync("dark sign-in page");

        await page.SignInAsync(light, DemoLogins.Password);
        await page.WaitForCircuitAsync();
        await SignOutOnceTheThemeIsAppliedAsync(page, dark: false);
        await page.WaitForAddressAsync("**/account/login");
        Assert.False(await IsDarkAsync(page), "After a light-mode user signs out, the sign-in page is light again.");
    }

    /// <summary>
    /// Focus as on a fresh load, before anything was focused: FocusOnNavigate puts it on the page's h1, which would
    /// start the Tab order inside the page.
    /// </summary>
    private static async Task StartTabbingFromTheTopAsync(IPage page)
    {
        await WaitForFocusOnNavigateAsync(page);
        await page.EvaluateAsync("() => { const start = document.createElement('div'); start.tabIndex = -1; document.body.prepend(start); start.focus(); }");
    }

    /// <summary>
    /// FocusOnNavigate's focus on the h1 is a call the circuit makes after its first render, so it can land after the
    /// page shows the circuit is up, and take focus from whatever a test focused meanwhile (a clean-clone run saw the
    /// skip link never focused). Keyboard steps start once it has landed.
    /// </summary>
    private static Task WaitForFocusOnNavigateAsync(IPage page) => Assertions.Expect(page.Locator("h1").First).ToBeFocusedAsync();

    /// <summary>
    /// The layout applies the user's theme once the circuit is up and renders the app bar again. On loaded clean-clone
    /// runs the sign-out click was lost twice (the sign-in page never came); the click now waits for that render.
    /// </summary>
    private static async Task SignOutOnceTheThemeIsAppliedAsync(IPage page, bool dark)
    {
        await Assertions.Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("aria-label", dark ? "Switch to light theme" : "Switch to dark theme");
        await page.GetByTestId("sign-out").ClickAsync();
    }

    private static async Task<bool> IsDarkAsync(IPage page)
    {
        var rgb = await page.Locator(".account-card").EvaluateAsync<int[]>(
            "e => getComputedStyle(e).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number)");
        return rgb.Sum() < 3 * 128;
    }

    private async Task SetDarkModeAsync(string email, bool dark)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<EmrUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await scope.ServiceProvider.GetRequiredService<UserPreferencesService>().SetDarkModeAsync(user.Id, dark);
    }
}
