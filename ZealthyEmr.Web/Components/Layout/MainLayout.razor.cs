using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace ZealthyEmr.Web.Components.Layout;

public partial class MainLayout
{
    /// <summary>Below this width the drawer covers the page instead of sitting beside it.</summary>
    private const Breakpoint DrawerBreakpoint = Breakpoint.Md;

    private bool drawerOpen = true;
    private bool darkMode;
    private string? userId;
    private ErrorBoundary? errorBoundary;
    private ElementReference mainContent;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Navigation.LocationChanged += CloseDrawerOverPage;
        if (AuthenticationState is not null)
        {
            var user = (await AuthenticationState).User;
            userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            if (userId is not null)
            {
                darkMode = await Preferences.PrefersDarkModeAsync(userId);
            }
        }
    }

    protected override void OnParametersSet() => errorBoundary?.Recover();

    public void Dispose() => Navigation.LocationChanged -= CloseDrawerOverPage;

    // MudDrawer closes itself on navigation only when a MudNavLink is clicked; NavMenu's links are lighter plain
    // NavLinks, and a page can navigate too. On a phone the open drawer covers the page just chosen, so close it;
    // beside the page (desktop) it stays as the user left it.
    private void CloseDrawerOverPage(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(async () =>
    {
        // Only an open drawer costs the round trip to ask the browser for its width.
        if (drawerOpen && await Viewport.GetCurrentBreakpointAsync() < DrawerBreakpoint)
        {
            drawerOpen = false;
            StateHasChanged();
        }
    });

    private async Task ToggleDarkModeAsync()
    {
        darkMode = !darkMode;
        if (userId is not null)
        {
            await Preferences.SetDarkModeAsync(userId, darkMode);
        }
    }

    /// <summary>
    /// The current page's own address with the fragment: a bare "#main-content" resolves against &lt;base href="/"&gt;
    /// and would leave the page. Used before the circuit starts; once it has, the click moves focus itself.
    /// </summary>
    private string SkipLinkHref => "/" + Navigation.ToBaseRelativePath(Navigation.Uri).Split('#')[0] + "#main-content";

    private async Task SkipToMainAsync() => await mainContent.FocusAsync();

    private string ThemeToggleLabel => darkMode ? "Switch to light theme" : "Switch to dark theme";

    private static string DisplayName(ClaimsPrincipal user) => user.Identity?.Name ?? "";
}
