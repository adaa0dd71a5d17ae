using MudBlazor;

namespace ZealthyEmr.Web.Components.Layout;

internal static class EmrTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#00695c", Secondary = "#5e35b1", AppbarBackground = "#00695c" },
        PaletteDark = new PaletteDark { Primary = "#4db6ac", Secondary = "#b39ddb" },
    };
}
