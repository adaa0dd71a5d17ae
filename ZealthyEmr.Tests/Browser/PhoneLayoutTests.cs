using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Browser;

/// <summary>
/// Every page on a 360 px phone (Chromium emulating a touch phone): nothing wider than the screen, so nothing scrolls
/// sideways, and the navigation drawer gets out of the way once a page is chosen from it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int PhoneWidth = 360;

    /// <summary>Patient pages; the account pages render without a circuit.</summary>
    private static readonly (string Path, bool Interactive)[] PatientPages =
    [
        ("/", true), ("/appointments", true), ("/prescriptions", true), ("/book", true), ("/notifications", true),
        ("/access-report", true), ("/account/sessions", true),
        ("/account/manage", false), ("/account/manage/change-password", false), ("/account/manage/two-factor", false),
        ("/account/manage/passkeys", false), ("/account/manage/authenticator", false),
    ];

    private static readonly string[] AdminPages =
    [
        "/admin", "/admin/schedule", "/admin/providers", "/admin/medications", "/admin/analytics", "/admin/accounts",
        "/admin/notifications", "/admin/audit", "/account/sessions",
    ];

    [Fact]
    public async Task Patient_EveryPageFitsThePhone_WithoutSidewaysScrolling()
    {
        var page = await PhoneAsync(DemoLogins.Mark);

        foreach (var (path, interactive) in PatientPages)
        {
            await OpenAsync(page, path, interactive);
            await AssertFitsAsync(page, path);
        }
    }

    [Fact]
    public async Task Patient_AppointmentsHeader_WrapsItsActionsWhole()
    {
        var page = await PhoneAsync(DemoLogins.Mark);
        await OpenAsync(page, "/appointments", interactive: true);

        var heading = await BoxAsync(page.GetByRole(AriaRole.Heading, new() { Level = 1 }));
        var calendar = await BoxAsync(page.GetByTestId("download-ics"));
        var book = await BoxAsync(page.GetByTestId("header-book"));
        // The actions sit on a row below the heading, each on one line (a wrapped label would double the height).
        Assert.True(calendar.Y >= heading.Y + heading.Height - 1, $"'Add to my calendar' at y={calendar.Y} overlaps the heading ending at {heading.Y + heading.Height}");
        Assert.True(book.Y >= heading.Y + heading.Height - 1, $"'Book a visit' at y={book.Y} overlaps the heading ending at {heading.Y + heading.Height}");
        Assert.True(calendar.Height < 2 * book.Height && book.Height < 48, $"Header buttons wrapped: {calendar.Height} px and {book.Height} px tall");
        Assert.True(calendar.X + calendar.Width <= PhoneWidth && book.X + book.Width <= PhoneWidth, "A header button is cut off at the right edge");
    }

    [Fact]
    public async Task Patient_ChoosingAPageFromTheDrawer_ClosesIt()
    {
        var page = await PhoneAsync(DemoLogins.Mark);
        await OpenAsync(page, "/", interactive: true);
        var prescriptions = DrawerLink(page, "Prescriptions");
        var appointments = DrawerLink(page, "Appointments");
        await Assertions.Expect(prescriptions).Not.ToBeInViewportAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Assertions.Expect(prescriptions).ToBeInViewportAsync();
        await prescriptions.ClickAsync();

        await page.WaitForAddressAsync("**/prescriptions");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Prescriptions", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(prescriptions).Not.ToBeInViewportAsync();
        await AssertFitsAsync(page, "/prescriptions");

        // And again from the new page: the drawer opens, and closes once Appointments is chosen.
        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Assertions.Expect(appointments).ToBeInViewportAsync();
        await appointments.ClickAsync();
        await page.WaitForAddressAsync("**/appointments");
        await Assertions.Expect(appointments).Not.ToBeInViewportAsync();
    }

    [Fact]
    public async Task Desktop_DrawerStaysOpenBesideThePage_AfterNavigating()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.SignInAsync(DemoLogins.Mark, DemoLogins.Password);
        await page.WaitForAddressAsync(browser.BaseAddress.ToString());
        await page.WaitForCircuitAsync();
        var prescriptions = DrawerLink(page, "Prescriptions");
        await Assertions.Expect(prescriptions).ToBeInViewportAsync();

        await prescriptions.ClickAsync();

        await page.WaitForAddressAsync("**/prescriptions");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Prescriptions", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(prescriptions).ToBeInViewportAsync();
    }

    [Fact]
    public async Task Admin_EveryAdminPageFitsThePhone_WithoutSidewaysScrolling()
    {
        var page = await PhoneAsync(DemoLogins.Admin);
        var mark = await browser.App.PatientIdAsync(DemoLogins.Mark);

        foreach (var path in AdminPages.Append($"/admin/patients/{mark}"))
        {
            await OpenAsync(page, path, interactive: true);
            await AssertFitsAsync(page, path);
        }
    }

    /// <summary>A signed-in touch phone, 360 by 740 CSS pixels.</summary>
    private async Task<IPage> PhoneAsync(string email)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = PhoneWidth, Height = 740 },
            IsMobile = true,
            HasTouch = true,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.SignInAsync(email, DemoLogins.Password);
        await page.WaitForAddressAsync(new Regex("^(?!.*/account/login)"));
        return page;
    }

    private static async Task OpenAsync(IPage page, string path, bool interactive)
    {
        await page.GotoAsync(path);
        if (interactive)
        {
            await page.WaitForCircuitAsync();
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Something went wrong")).ToHaveCountAsync(0);
        // Pages fill in after the first render (lists, grids, charts): measure once no progress bar is left.
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar)).ToHaveCountAsync(0);
    }

    /// <summary>
    /// The page does not scroll sideways, and no table is wider than the screen (a table inside a scrolling box keeps
    /// the page itself narrow, but its rows still need a sideways swipe). A mobile browser widens its layout viewport
    /// to fit overflowing content, so the window width is checked against the phone's too.
    /// </summary>
    private static async Task AssertFitsAsync(IPage page, string path)
    {
        var layout = await page.EvaluateAsync<System.Text.Json.JsonElement>(
            """
            () => ({
                scrollWidth: document.documentElement.scrollWidth,
                innerWidth: window.innerWidth,
                wideTables: [...document.querySelectorAll('table')]
                    .filter(t => t.getBoundingClientRect().right > window.innerWidth + 1)
                    .map(t => `${t.closest('[data-testid]')?.getAttribute('data-testid') ?? 'table'} ${Math.round(t.getBoundingClientRect().width)} px`)
            })
            """);
        await page.ScreenshotIfRequestedAsync("phone" + path.Replace('/', '-'));

        var (scrollWidth, innerWidth) = (layout.GetProperty("scrollWidth").GetInt32(), layout.GetProperty("innerWidth").GetInt32());
        var wideTables = layout.GetProperty("wideTables").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.True(innerWidth == PhoneWidth && scrollWidth <= innerWidth, $"{path} is {scrollWidth} px wide (window {innerWidth} px) on a {PhoneWidth} px phone");
        Assert.True(wideTables.Count == 0, $"{path} has tables wider than the phone: {string.Join(", ", wideTables)}");
    }

    /// <summary>A drawer link; exact, so the dashboard's "All prescriptions" is not it.</summary>
    private static ILocator DrawerLink(IPage page, string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException($"{locator} has no box");
}
