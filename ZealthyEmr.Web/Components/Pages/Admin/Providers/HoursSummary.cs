using ZealthyEmr.Domain.Providers;

namespace ZealthyEmr.Web.Components.Pages.Admin.Providers;

/// <summary>Working hours in a line an admin reads at a glance, e.g. "Mon–Fri 09:00–17:00, Sat 10:00–14:00".</summary>
public static class HoursSummary
{
    /// <summary>The clinic week as people read it, Monday first.</summary>
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string Describe(IReadOnlyList<DayHours> hours)
    {
        var byDay = hours.ToDictionary(h => h.Day);
        var runs = new List<(DayOfWeek First, DayOfWeek Last, DayHours Hours)>();
        DayOfWeek? previous = null;
        foreach (var day in Week)
        {
            if (!byDay.TryGetValue(day, out var today))
            {
                previous = null;
                continue;
            }

            // Consecutive days with the same hours collapse into one range.
            if (previous is not null && runs[^1].Hours.Start == today.Start && runs[^1].Hours.End == today.End)
            {
                runs[^1] = runs[^1] with { Last = day };
            }
            else
            {
                runs.Add((day, day, today));
            }

            previous = day;
        }

        return runs.Count == 0
            ? "No working hours"
            : string.Join(", ", runs.Select(r => $"{Days(r.First, r.Last)} {r.Hours.Start:HH\\:mm}–{r.Hours.End:HH\\:mm}"));
    }

    public static string Short(DayOfWeek day) => day.ToString()[..3];

    private static string Days(DayOfWeek first, DayOfWeek last) => first == last ? Short(first) : $"{Short(first)}–{Short(last)}";
}
