using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace ZealthyEmr.Web.Components.Layout;

/// <summary>
/// The theme's CSS (what <see cref="MudThemeProvider"/> renders), built once per mode for the whole app.
/// <see cref="MudThemeProvider"/> builds a ~34,000-character string for every instance, so every open
/// circuit held its own copy; <see cref="EmrThemeStyles"/> renders this shared one instead.
/// </summary>
public sealed class EmrThemeCss(IServiceScopeFactory scopes, ILoggerFactory loggerFactory)
{
    private readonly ConcurrentDictionary<bool, Lazy<Task<string>>> cache = new();

    public Task<string> GetAsync(bool darkMode) =>
        cache.GetOrAdd(darkMode, dark => new Lazy<Task<string>>(() => RenderAsync(dark))).Value;

    private async Task<string> RenderAsync(bool darkMode)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = EmrTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = darkMode,
            });
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(parameters);
            return string.Intern(output.ToHtmlString());
        });
    }
}
