using Microsoft.Playwright;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AdminJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AdminCreatesAPatient_WhoChoosesTheirOwnPasswordAtFirstSignIn()
    {
        var email = $"ada-{Guid.NewGuid():N}@clinic.test";
        var admin = await SignedInAdminAsync();

        await admin.GetByTestId("new-patient").ClickAsync();
        await admin.GetByLabel("Full name").FillAsync("Ada Lovelace");
        await admin.GetByLabel("Email (their login)").FillAsync(email);
        await admin.GetByLabel("Initial password").FillAsync("Quiet-Harbor-Lamp-88");
        await admin.GetByTestId("save-patient").ClickAsync();
        await Assertions.Expect(admin.GetByText("Patient created.")).ToBeVisibleAsync();

        var patient = await browser.NewPageAsync();
        await patient.SignInAsync(email, "Quiet-Harbor-Lamp-88");
        await Assertions.Expect(patient.GetByTestId("must-change")).ToBeVisibleAsync();
        await patient.FillAsync("#current-password", "Quiet-Harbor-Lamp-88");
        await patient.FillAsync("#new-password", "Velvet-Compass-Orchard-63");
        await patient.FillAsync("#confirm-password", "Velvet-Compass-Orchard-63");
        await patient.GetByTestId("change-password").ClickAsync();
        await patient.GetByText("Back to the portal").ClickAsync();
        await patient.WaitForCircuitAsync();
        await Assertions.Expect(patient.GetByTestId("patient-name")).ToHaveTextAsync("Ada Lovelace");
    }

    [Fact]
    public async Task AdminSchedulesAWeeklySeries_AndThePatientSeesItOnTheirDashboard()
    {
        var lisa = await browser.App.PatientIdAsync(DemoLogins.Lisa);
        var admin = await SignedInAdminAsync();
        await admin.GotoAsync($"/admin/patients/{lisa}");
        await admin.WaitForCircuitAsync();

        await admin.GetByRole(AriaRole.Tab, new() { NameRegex = new("Appointment series") }).ClickAsync();
        await admin.GetByTestId("new-series").ClickAsync();
        await PickAsync(admin, "series-provider", "Dr Kim West");
        await FirstTimeAsync(admin);
        await admin.GetByTestId("save-series").ClickAsync();
        await Assertions.Expect(admin.GetByText("Series scheduled.")).ToBeVisibleAsync();
        var row = admin.GetByTestId("series-row").Filter(new() { HasText = "Dr Kim West" });
        await Assertions.Expect(row).ToContainTextAsync("Weekly");

        await admin.GetByRole(AriaRole.Tab, new() { NameRegex = new("Upcoming visits") }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("admin-visits").Locator("tbody tr").Filter(new() { HasText = "Dr Kim West" }).Nth(11)).ToBeVisibleAsync();
        await admin.ScreenshotIfRequestedAsync("admin-patient");

        var patient = await browser.NewPageAsync();
        await patient.SignInAsync(DemoLogins.Lisa, DemoLogins.Password);
        await patient.WaitForCircuitAsync();
        await Assertions.Expect(patient.GetByTestId("upcoming-visits")).ToContainTextAsync("Dr Kim West · Family Medicine · weekly");
    }

    [Fact]
    public async Task AnEditInOneAdminsBrowser_AppearsInAnothersGridWithoutReloading()
    {
        var first = await SignedInAdminAsync();
        var second = await SignedInAdminAsync();
        var before = first.GetByTestId("patient-grid").GetByText("Mark Johnson", new() { Exact = true });
        await Assertions.Expect(second.GetByTestId("patient-grid").GetByText("Mark Johnson", new() { Exact = true })).ToBeVisibleAsync();

        await first.GetByRole(AriaRole.Button, new() { Name = "Edit Mark Johnson" }).ClickAsync();
        await first.GetByLabel("Full name").FillAsync("Mark A. Johnson");
        await first.GetByTestId("save-patient").ClickAsync();
        await Assertions.Expect(before).ToHaveCountAsync(0);

        await Assertions.Expect(second.GetByTestId("patient-grid").GetByText("Mark A. Johnson", new() { Exact = true })).ToBeVisibleAsync();
    }

    private async Task<IPage> SignedInAdminAsync()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoLogins.Admin, DemoLogins.Password);
        await page.WaitForURLAsync("**/admin");
        await page.WaitForCircuitAsync();
        return page;
    }

    private static async Task PickAsync(IPage page, string testId, string option)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
    }

    /// <summary>The dialog starts on tomorrow; if the provider is off then, step the date until times are offered.</summary>
    private static async Task FirstTimeAsync(IPage page)
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await page.GetByTestId("series-time").ClickAsync();
            var options = page.Locator(".mud-popover-open .mud-list-item");
            if (await HasAnyAsync(options))
            {
                await options.Nth(2).ClickAsync();
                return;
            }

            await page.Keyboard.PressAsync("Escape");
            var dateInput = page.GetByLabel("First visit");
            var current = DateTime.Parse(await dateInput.InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
            await dateInput.FillAsync(current.AddDays(1).ToString("M/d/yyyy", System.Globalization.CultureInfo.InvariantCulture));
            await dateInput.PressAsync("Enter");
        }

        throw new InvalidOperationException("The provider offered no times on the next four days.");
    }

    private static async Task<bool> HasAnyAsync(ILocator options)
    {
        try
        {
            await options.First.WaitForAsync(new() { Timeout = 8000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
