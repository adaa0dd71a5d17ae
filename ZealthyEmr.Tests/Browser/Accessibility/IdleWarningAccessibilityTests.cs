using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Browser.Accessibility;

/// <summary>
/// The portal with a 70-second idle timeout: the warning opens after 10 quiet seconds and stays up for a minute,
/// long enough to look at it in every variant without the logoff racing the check.
/// </summary>
public sealed class IdleWarningBrowser : IAsyncLifetime
{
    public BrowserFixture Browser { get; } = new(new Dictionary<string, string?> { ["Security:IdleTimeout"] = "00:01:10" });

    public Task InitializeAsync() => Browser.InitializeAsync();

    public Task DisposeAsync() => Browser.DisposeAsync();
}

/// <summary>The idle warning dialog, which only an idle session opens, gets the same axe check as the others.</summary>
[Collection(BrowserCollection.Name)]
public sealed class IdleWarningAccessibilityTests(IdleWarningBrowser fixture) : IClassFixture<IdleWarningBrowser>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task IdleWarning_HasNoAxeViolations_OnDesktopAndPhone(bool dark)
    {
        var browser = fixture.Browser;
        var email = await browser.App.CreatePatientLoginAsync(dark ? "Ida Dark" : "Ida Light");
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync())
        {
            await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.PrefersDarkMode, dark));
        }

        var page = await browser.NewPageAsync();
        await page.SignInAsync(email, DemoLogins.Password);
        await page.WaitForCircuitAsync();

        var warning = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(warning.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" })).ToBeVisibleAsync(new() { Timeout = 45_000 });
        var found = new List<string>(await warning.ViolationsAsync($"[{(dark ? "dark" : "light")} desktop] IdleWarningDialog"));
        await page.SetViewportSizeAsync(390, 844);
        found.AddRange(await warning.ViolationsAsync($"[{(dark ? "dark" : "light")} 390px] IdleWarningDialog"));

        Assert.True(found.Count == 0, $"axe found {found.Count} violation(s):\n{string.Join("\n", found)}");
        await warning.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" }).ClickAsync();
        await Assertions.Expect(warning).ToHaveCountAsync(0);
    }
}
