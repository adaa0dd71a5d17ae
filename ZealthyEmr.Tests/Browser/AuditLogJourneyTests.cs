using Microsoft.Playwright;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Browser;

/// <summary>An admin looks at patients, then finds that in the audit log (recorded from the circuit, as them) and checks the chain.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AuditLogJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_FiltersTheAuditLogByPatient_SeesTheirOwnView_AndVerifiesTheChain()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoLogins.Admin, DemoLogins.Password);
        await page.WaitForAddressAsync("**/admin");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByText("Lisa Smith").First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await page.WaitForAddressAsync("**/admin/audit");
        await page.WaitForCircuitAsync();
        await page.Locator("input[data-testid=audit-patient], [data-testid=audit-patient] input").First.FillAsync("lisa smith");

        var rows = page.Locator("[data-testid=audit-grid] tbody tr");
        await Assertions.Expect(rows.Filter(new() { HasText = "Portal" }).Filter(new() { HasText = DemoLogins.Admin }).First).ToContainTextAsync("Lisa Smith");
        await Assertions.Expect(rows.Filter(new() { HasNotText = "Lisa Smith" })).ToHaveCountAsync(0);

        await page.Locator("[data-testid=audit-verify]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=audit-verification]")).ToContainTextAsync("intact");
        await page.ScreenshotIfRequestedAsync("admin-audit-log");
    }
}
