using Microsoft.Playwright;
using Xunit.Abstractions;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Browser.Accessibility;

/// <summary>
/// axe-core finds no violation, of any impact, on any page or dialog in <see cref="AxeCatalog"/>, in either theme, on
/// a desktop and on a 390 px phone. One run covers a whole variant and lists everything it found, so a palette change
/// that breaks contrast in ten places says so once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(AccessibilityFixture fixture, ITestOutputHelper output) : IClassFixture<AccessibilityFixture>
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task EveryPageAndDialog_HasNoAxeViolations(bool dark, bool phone)
    {
        var variant = $"{(dark ? "dark" : "light")} {(phone ? "390px" : "desktop")}";
        var found = new List<string>();
        foreach (var target in AxeCatalog.Targets)
        {
            var where = $"[{variant}] {target}";
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                found.AddRange(await CheckAsync(target, where, dark, phone));
                output.WriteLine($"{where}: {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
            }
            catch (Exception e) when (e is TimeoutException or PlaywrightException)
            {
                // Recorded rather than thrown, so one page that would not open still leaves the others checked.
                found.Add($"{where}: the page did not reach the state to check. {e.Message}");
            }
        }

        Assert.True(found.Count == 0, $"axe found {found.Count} violation(s) [{variant}]:\n{string.Join("\n", found)}");
    }

    private async Task<List<string>> CheckAsync(AxeTarget target, string where, bool dark, bool phone)
    {
        var found = new List<string>();
        var page = await fixture.PageAsync(target.Role, dark, phone);
        await page.GotoAsync(fixture.PathOf(target));
        await AccessibilityFixture.WaitUntilShownAsync(page, target);
        if (target.Prepare is not null)
        {
            await target.Prepare(page);
        }

        found.AddRange(await page.ViolationsAsync(where));
        foreach (var dialog in target.Dialogs)
        {
            await dialog.Open(page);
            var shown = page.GetByRole(AriaRole.Dialog);
            await Assertions.Expect(shown).ToBeVisibleAsync();
            await Assertions.Expect(shown.Locator("[role=progressbar]")).ToHaveCountAsync(0);
            found.AddRange(await shown.ViolationsAsync($"{where} {dialog.Component}"));
            await shown.GetByRole(AriaRole.Button, new() { Name = dialog.Close, Exact = true }).ClickAsync();
            await Assertions.Expect(shown).ToHaveCountAsync(0);
        }

        if (target.Role is AxeRole.Anonymous or AxeRole.TwoFactorPending)
        {
            await page.Context.CloseAsync();
        }

        return found;
    }
}
