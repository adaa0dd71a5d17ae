using MudBlazor;

namespace ZealthyEmr.Web.Components.Layout;

/// <summary>
/// The clinic's teal theme. Every color that carries text is chosen for WCAG AA (4.5:1) in its own mode: on the
/// light surfaces and under white text in light mode; on the dark surfaces and under near-black text in dark mode
/// (MudBlazor's defaults, such as #f44336 error or white on #00c853 success, fall short of it).
/// </summary>
internal static class EmrTheme
{
    private const string DarkContrastText = "rgba(0,0,0,0.87)";

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#00695c",
            Secondary = "#455a64",
            Tertiary = "#00796b",
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#a35200",
            Error = "#c62828",
            AppbarBackground = "#00695c",
            TextSecondary = "rgba(0,0,0,0.6)",
        },
        PaletteDark = new PaletteDark
        {
            // Alerts and selected tabs tint the surface with the color itself, so the dark colors are light enough to
            // keep 4.5:1 on those tints too; the "darken" shades (alert text) are kept as light as the base.
            Primary = "#80cbc4",
            PrimaryDarken = "#80cbc4",
            PrimaryContrastText = DarkContrastText,
            Secondary = "#b0bec5",
            SecondaryContrastText = DarkContrastText,
            Tertiary = "#80deea",
            TertiaryContrastText = DarkContrastText,
            Info = "#90caf9",
            InfoDarken = "#90caf9",
            InfoContrastText = DarkContrastText,
            Success = "#a5d6a7",
            SuccessDarken = "#a5d6a7",
            SuccessContrastText = DarkContrastText,
            Warning = "#ffcc80",
            WarningDarken = "#ffcc80",
            WarningContrastText = DarkContrastText,
            Error = "#ffb4ab",
            ErrorDarken = "#ffb4ab",
            ErrorContrastText = DarkContrastText,
            TextSecondary = "rgba(255,255,255,0.7)",
        },
    };
}
