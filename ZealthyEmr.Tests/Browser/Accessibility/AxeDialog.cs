using Microsoft.Playwright;

namespace ZealthyEmr.Tests.Browser.Accessibility;

/// <summary>
/// A dialog opened from a page: <paramref name="Component"/> names the dialog component (the coverage test checks that
/// every one is opened somewhere), <paramref name="Open"/> opens it, <paramref name="Close"/> is the button that
/// dismisses it without changing anything.
/// </summary>
public sealed record AxeDialog(string Component, Func<IPage, Task> Open, string Close = "Cancel");
