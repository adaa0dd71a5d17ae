using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ThemePreferenceTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task DarkMode_IsRememberedForTheUser_OnTheirNextVisit()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoLogins.Lisa, DemoLogins.Password);
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" })).ToBeVisibleAsync();

        await page.GetByTestId("theme-toggle").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();

        var later = await browser.NewPageAsync();
        await later.SignInAsync(DemoLogins.Lisa, DemoLogins.Password);
        await later.WaitForCircuitAsync();
        await Assertions.Expect(later.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();

        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        Assert.True(await db.Users.Where(u => u.Email == DemoLogins.Lisa).Select(u => u.PrefersDarkMode).SingleAsync());
        Assert.False(await db.Users.Where(u => u.Email == DemoLogins.Mark).Select(u => u.PrefersDarkMode).SingleAsync());
    }
}
