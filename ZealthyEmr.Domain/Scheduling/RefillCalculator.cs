namespace ZealthyEmr.Domain.Scheduling;

/// <summary>
/// Refill dates are computed from the first refill, never stored, so editing a prescription cannot leave
/// stale rows behind. Refill n is derived from the first refill rather than the previous one, so monthly
/// refills clamp to short months without drifting (Jan 31, Feb 28, Mar 31).
/// </summary>
public static class RefillCalculator
{
    /// <summary>
    /// Refill dates d, ascending, with <paramref name="from"/> &lt;= d &lt;= <paramref name="to"/> (both inclusive)
    /// and d &lt;= <paramref name="endDate"/> when one is given.
    /// </summary>
    public static IEnumerable<DateOnly> Upcoming(DateOnly firstRefill, RefillSchedule schedule, DateOnly? endDate, DateOnly from, DateOnly to)
    {
        // Validated eagerly so a bad call fails where it is made, not when the sequence is first enumerated.
        if (!Enum.IsDefined(schedule))
        {
            throw new ArgumentOutOfRangeException(nameof(schedule), schedule, "Unknown refill schedule.");
        }

        return UpcomingCore(firstRefill, schedule, endDate, from, to);
    }

    private static IEnumerable<DateOnly> UpcomingCore(DateOnly first, RefillSchedule schedule, DateOnly? endDate, DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            yield break;
        }

        var last = endDate is { } end && end < to ? end : to;

        // Each step moves at least a week forward, and TryRefill refuses to pass DateOnly.MaxValue, so this ends.
        for (var n = FirstCandidate(first, schedule, from); TryRefill(first, schedule, n, out var date) && date <= last; n++)
        {
            if (date >= from)
            {
                yield return date;
            }
        }
    }

    /// <summary>
    /// Index of the first refill that can fall on or after <paramref name="from"/>, found arithmetically so a
    /// window years after the first refill costs the same as one next to it.
    /// </summary>
    private static int FirstCandidate(DateOnly first, RefillSchedule schedule, DateOnly from)
    {
        if (from <= first)
        {
            return 0;
        }

        if (schedule == RefillSchedule.Weekly)
        {
            // Ceiling division gives exactly the first weekly refill on or after from.
            return (from.DayNumber - first.DayNumber + 6) / 7;
        }

        // Refill "months" lands in from's month, so every earlier refill is in an earlier month and before from.
        return ((from.Year - first.Year) * 12) + from.Month - first.Month;
    }

    private static bool TryRefill(DateOnly first, RefillSchedule schedule, int n, out DateOnly date)
    {
        date = default;
        if (schedule == RefillSchedule.Weekly)
        {
            if ((long)DateOnly.MaxValue.DayNumber - first.DayNumber < 7L * n)
            {
                return false;
            }

            date = first.AddDays(7 * n);
            return true;
        }

        var monthsLeft = ((DateOnly.MaxValue.Year - first.Year) * 12) + DateOnly.MaxValue.Month - first.Month;
        if (n > monthsLeft)
        {
            return false;
        }

        date = first.AddMonths(n);
        return true;
    }
}
