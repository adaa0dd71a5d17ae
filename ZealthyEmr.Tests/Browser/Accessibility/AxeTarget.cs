using Microsoft.Playwright;

namespace ZealthyEmr.Tests.Browser.Accessibility;

/// <summary>
/// One routable page as <paramref name="Role"/> sees it. <paramref name="Route"/> is the component's route template
/// (what the coverage test matches); <paramref name="Path"/> is the address opened, where {patient} stands for the
/// patient record the admin pages open. <paramref name="Prepare"/> brings the page into the state worth checking
/// (a tab chosen, slots shown) after it loaded.
/// </summary>
public sealed record AxeTarget(string Route, AxeRole Role, string Path, Func<IPage, Task>? Prepare = null, params AxeDialog[] Dialogs)
{
    public AxeTarget(string route, AxeRole role, params AxeDialog[] dialogs)
        : this(route, role, route, null, dialogs)
    {
    }

    public override string ToString() => $"{Role} {Path}";
}
