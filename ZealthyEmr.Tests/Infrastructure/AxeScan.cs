using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ZealthyEmr.Tests.Infrastructure;

/// <summary>Runs axe-core on what the page shows now and describes each violation so a failure says what to fix.</summary>
public static class AxeScan
{
    /// <summary>
    /// Waits until the page has stopped moving (MudBlazor fades dialogs and popovers in; a half-transparent frame has
    /// false contrast failures), then runs every rule axe enables by default: WCAG 2.x A/AA and best practices.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(this IPage page, string where)
    {
        await WaitForStillAsync(page);
        var result = await page.RunAxe();
        return [.. result.Violations.Select(v => Describe(where, v))];
    }

    /// <summary>Only the part of the page <paramref name="part"/> covers (an open dialog over a page already checked).</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(this ILocator part, string where)
    {
        await WaitForStillAsync(part.Page);
        var result = await part.RunAxe();
        return [.. result.Violations.Select(v => Describe(where, v))];
    }

    private static Task WaitForStillAsync(IPage page) =>
        page.WaitForFunctionAsync(
            "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)",
            null, new PageWaitForFunctionOptions { Timeout = 15_000 });

    public static async Task AssertNoViolationsAsync(this IPage page, string where)
    {
        var violations = await page.ViolationsAsync(where);
        Assert.True(violations.Count == 0, $"axe found {violations.Count} violation(s):\n{string.Join("\n", violations)}");
    }

    private static string Describe(string where, AxeResultItem violation) =>
        $"{where}: {violation.Id} ({violation.Impact}) {violation.Help}\n"
        + string.Join("\n", violation.Nodes.Take(8).Select(n => $"    at {n.Target} {Summary(n)}"))
        + (violation.Nodes.Length > 8 ? $"\n    ... and {violation.Nodes.Length - 8} more" : "");

    private static string Summary(AxeResultNode node) =>
        node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).FirstOrDefault() ?? "";
}
