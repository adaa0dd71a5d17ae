using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;

namespace ZealthyEmr.Web.Components.Layout;

public partial class MainLayout
{
    private bool drawerOpen = true;
    private bool darkMode;
    private string? userId;
    private ErrorBoundary? errorBoundary;
    private ElementReference mainContent;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
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
