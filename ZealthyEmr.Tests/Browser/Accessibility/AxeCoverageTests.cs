using System.Reflection;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ZealthyEmr.Tests.Browser.Accessibility;

/// <summary>A page or dialog nobody runs axe on is a page nobody knows is accessible: adding one means adding it to <see cref="AxeCatalog"/>.</summary>
public sealed class AxeCoverageTests
{
    [Fact]
    public void EveryRoutablePage_HasAnAxeCheck()
    {
        var covered = AxeCatalog.Targets.Select(t => t.Route).ToHashSet(StringComparer.Ordinal);
        var missing = RoutableComponents().Where(c => !covered.Contains(c.Route)).Select(c => $"{c.Route} ({c.Type.Name})").ToList();

        Assert.True(RoutableComponents().Count > 20, "The reflection found too few pages to be looking in the right assembly.");
        Assert.True(missing.Count == 0, "Pages without an axe check in AxeCatalog: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryCatalogRoute_IsARealPage()
    {
        var routes = RoutableComponents().Select(c => c.Route).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(AxeCatalog.Targets.Where(t => !routes.Contains(t.Route)).Select(t => t.Route));
    }

    [Fact]
    public void EveryDialog_IsOpenedByAnAxeCheck()
    {
        var opened = AxeCatalog.Targets.SelectMany(t => t.Dialogs).Select(d => d.Component).Concat(AxeCatalog.DialogsCheckedElsewhere.Keys).ToHashSet(StringComparer.Ordinal);
        var dialogs = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Any(p => p.PropertyType == typeof(IMudDialogInstance) && p.GetCustomAttribute<CascadingParameterAttribute>() is not null))
            .Select(t => t.Name)
            .ToList();

        Assert.True(dialogs.Count > 10, "The reflection found too few dialogs to be looking in the right assembly.");
        var missing = dialogs.Where(d => !opened.Contains(d)).ToList();
        Assert.True(missing.Count == 0, "Dialogs no axe check opens (add them to AxeCatalog): " + string.Join(", ", missing));
    }

    /// <summary>Every component of the web app with a [Route] (what @page compiles to), one entry per template.</summary>
    public static IReadOnlyList<(string Route, Type Type)> RoutableComponents() =>
        [.. typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (r.Template, t)))];
}
