using Microsoft.Playwright;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Browser;

/// <summary>Every admin page opens in a real browser without tripping the error boundary, and staff are kept to theirs.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("/admin", "Patients")]
    [InlineData("/admin/schedule", "Schedule")]
    [InlineData("/admin/providers", "Providers")]
    [InlineData("/admin/medications", "Medications")]
    [InlineData("/admin/analytics", "Analytics")]
    public async Task Admin_OpensEveryAdminPage(string path, string heading)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoLogins.Admin, DemoLogins.Password);
        await page.WaitForAddressAsync("**/admin");

        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Something went wrong")).ToHaveCountAsync(0);
        await page.ScreenshotIfRequestedAsync("admin-" + heading.ToLowerInvariant());
    }

    [Theory]
    [InlineData("/admin/providers")]
    [InlineData("/admin/medications")]
    [InlineData("/admin/analytics")]
    public async Task Staff_IsTurnedAwayFromAdminOnlyPages(string path)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoLogins.Staff, DemoLogins.Password);
        await page.WaitForAddressAsync("**/admin");

        await page.GotoAsync(path);

        Assert.Contains("/account/access-denied", page.Url);
        await Assertions.Expect(page.GetByText("You don't have access to this page")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Patient_IsTurnedAwayFromTheAdminPortal()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoLogins.Mark, DemoLogins.Password);
        await page.WaitForAddressAsync(browser.BaseAddress.ToString());

        await page.GotoAsync("/admin/schedule");

        Assert.Contains("/account/access-denied", page.Url);
    }
}
