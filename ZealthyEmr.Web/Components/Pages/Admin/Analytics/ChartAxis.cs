using MudBlazor;

namespace ZealthyEmr.Web.Components.Pages.Admin.Analytics;

/// <summary>
/// A count axis scaled to the data: a round tick step (1, 2 or 5 times a power of ten) giving about
/// <see cref="TargetTicks"/> intervals, and the first multiple of it at or above the highest count.
/// MudChart's own default is a fixed step of 20, which draws a handful of visits as slivers under an axis to 20.
/// </summary>
public sealed record ChartAxis(int Max, int Step)
{
    public const int TargetTicks = 5;

    public static ChartAxis For(IEnumerable<int> counts)
    {
        var highest = counts.DefaultIfEmpty(0).Max();
        if (highest <= 0)
        {
            return new ChartAxis(1, 1);
        }

        var rough = (double)highest / TargetTicks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var residual = rough / magnitude;
        var nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
        // Counts are whole numbers: never a tick step below one visit.
        var step = Math.Max(1, (int)Math.Round(nice * magnitude));
        return new ChartAxis((highest + step - 1) / step * step, step);
    }

    public BarChartOptions ToBarOptions() => new()
    {
        YAxisTicks = Step,
        YAxisSuggestedMax = Max,
        MaxNumYAxisTicks = TargetTicks * 3,
        YAxisFormat = "N0",
    };
}
