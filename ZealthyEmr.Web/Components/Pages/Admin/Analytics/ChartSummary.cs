using System.Globalization;

namespace ZealthyEmr.Web.Components.Pages.Admin.Analytics;

/// <summary>
/// The sentence a screen reader hears for a bar chart (and anyone reads under it): the total, and the highest and
/// lowest bar with their labels, so the shape of the chart is there without looking at it.
/// </summary>
public static class ChartSummary
{
    /// <param name="series">What the bars count, e.g. "Dr Kim West" or "Visits by weekday".</param>
    /// <param name="labels">The bar labels, in chart order.</param>
    /// <param name="counts">One count per label.</param>
    /// <param name="where">Turns a label into a phrase, e.g. "Nov 2" into "in the week of Nov 2".</param>
    public static string Describe(string series, IReadOnlyList<string> labels, IReadOnlyList<int> counts, Func<string, string> where, CultureInfo culture)
    {
        if (counts.Count == 0)
        {
            return $"{series}: no data.";
        }

        var highest = IndexOf(counts, counts.Max());
        var lowest = IndexOf(counts, counts.Min());
        return string.Create(culture,
            $"{series}: {counts.Sum():N0} in all, highest {counts[highest]:N0} {where(labels[highest])}, lowest {counts[lowest]:N0} {where(labels[lowest])}.");
    }

    private static int IndexOf(IReadOnlyList<int> counts, int value)
    {
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] == value)
            {
                return i;
            }
        }

        return 0;
    }
}
