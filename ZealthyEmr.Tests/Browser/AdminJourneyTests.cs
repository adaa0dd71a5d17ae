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
    public async Task AnInlineEditInOneAdminsGrid_AppearsInAnothersOnPageTwoOfASearch_KeepingItsViewAndItsOwnEdit()
    {
        // Sorted by family name (the number): 0, 1, 10..13, 2..9, so page 2 of 10 holds 6, 7, 8 and 9.
        var prefix = $"Live{Guid.NewGuid():N}"[..12];
        await browser.App.AddPatientsAsync(14, prefix);
        var view = $"/admin?q={prefix}&page=2&size=10";
        var second = await SignedInAdminAsync();
        await second.GotoAsync(view);
        await second.WaitForCircuitAsync();
        await Assertions.Expect(Row(second, $"{prefix} 7")).ToBeVisibleAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = $"Edit {prefix} 8" }).ClickAsync();
        await second.GetByTestId("patient-row-phone-input").FillAsync("+1 555 0188");

        var first = await SignedInAdminAsync();
        await first.GotoAsync(view);
        await first.WaitForCircuitAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = $"Edit {prefix} 6" }).ClickAsync();
        await first.GetByTestId("patient-row-name-input").FillAsync("Not kept");
        await first.GetByTestId("patient-row-name-input").PressAsync("Escape");
        await Assertions.Expect(first.GetByTestId("patient-row-name-input")).ToHaveCountAsync(0);
        await Assertions.Expect(Row(first, $"{prefix} 6")).ToBeVisibleAsync();

        await first.GetByRole(AriaRole.Button, new() { Name = $"Edit {prefix} 7" }).FocusAsync();
        await first.Keyboard.PressAsync("Enter");
        await Assertions.Expect(first.GetByTestId("patient-row-name-input")).ToBeFocusedAsync();
        await first.Keyboard.PressAsync("Tab");
        await Assertions.Expect(first.GetByTestId("patient-row-email-input")).ToBeFocusedAsync();
        await first.Keyboard.PressAsync("Tab");
        await Assertions.Expect(first.GetByTestId("patient-row-phone-input")).ToBeFocusedAsync();
        await first.Keyboard.TypeAsync("+1 555 0177");
        await first.Keyboard.PressAsync("Enter");
        await Assertions.Expect(first.GetByTestId("patient-row-name-input")).ToHaveCountAsync(0);
        await Assertions.Expect(Row(first, $"{prefix} 7")).ToContainTextAsync("+1 555 0177");

        await Assertions.Expect(Row(second, $"{prefix} 7")).ToContainTextAsync("+1 555 0177");
        await Assertions.Expect(second.GetByTestId("patient-row-phone-input")).ToHaveValueAsync("+1 555 0188");
        // The name cell's focus comes a round trip after the cells: it must not have taken the phone's typing.
        await Assertions.Expect(second.GetByTestId("patient-row-name-input")).ToHaveValueAsync($"{prefix} 8");
        Assert.Contains("page=2", second.Url, StringComparison.Ordinal);
        Assert.Contains($"q={prefix}", second.Url, StringComparison.Ordinal);
        await Assertions.Expect(Row(second, $"{prefix} 6")).ToBeVisibleAsync();
    }

    private static ILocator Row(IPage page, string name) =>
        page.GetByTestId("patient-grid").Locator("tbody tr").Filter(new() { HasText = name });

    private async Task<IPage> SignedInAdminAsync()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoLogins.Admin, DemoLogins.Password);
        await page.WaitForAddressAsync("**/admin");
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
            // Tab commits the typed date and leaves the field; Enter would open the picker, whose popover then covers the time field.
            await dateInput.PressAsync("Tab");
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
