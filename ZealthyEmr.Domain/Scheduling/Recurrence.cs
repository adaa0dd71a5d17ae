namespace ZealthyEmr.Domain.Scheduling;

/// <summary>
/// Expands a series rule into occurrence start instants. Occurrence n is computed from the anchor, never
/// from the previous occurrence, so monthly series clamp to short months without drifting
/// (Jan 31, Feb 28, Mar 31) and a time shifted by a DST gap does not carry over to later weeks.
/// </summary>
public static class Recurrence
{
    // Stops expansion comfortably short of DateTime.MaxValue so the UTC conversion cannot overflow
    // when a caller asks for an open-ended window.
    private static readonly DateTime LastExpandableLocal = DateTime.MaxValue.Date.AddDays(-2);

    // Covers the widest gap between a local and a UTC reading (offsets span -12h..+14h, plus a skipped
    // day in zones that crossed the date line), so the estimate never starts past the first match.
    private const int SkipAheadSlackDays = 3;

    /// <summary>
    /// UTC start instants (Kind Utc, ascending) of the occurrences with <paramref name="fromUtc"/> &lt;= start
    /// &lt; <paramref name="toUtc"/>. <paramref name="firstStartLocal"/> is clinic wall-clock time whatever its Kind;
    /// later occurrences keep its local time of day across DST changes. <paramref name="endDate"/> is an
    /// inclusive clinic-local date.
    /// </summary>
    public static IEnumerable<DateTime> Expand(DateTime firstStartLocal, RepeatKind repeat, DateOnly? endDate, TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc)
    {
        // Validated eagerly so a bad call fails where it is made, not when the sequence is first enumerated.
        ArgumentNullException.ThrowIfNull(zone);
        if (!Enum.IsDefined(repeat))
        {
            throw new ArgumentOutOfRangeException(nameof(repeat), repeat, "Unknown repeat kind.");
        }

        return ExpandCore(DateTime.SpecifyKind(firstStartLocal, DateTimeKind.Unspecified), repeat, endDate, zone, fromUtc, toUtc);
    }

    private static IEnumerable<DateTime> ExpandCore(DateTime anchor, RepeatKind repeat, DateOnly? endDate, TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc)
    {
        if (fromUtc >= toUtc)
        {
            yield break;
        }

        var n = FirstCandidate(anchor, repeat, zone, fromUtc);

        // Each step moves at least a week forward, and LastExpandableLocal bounds the series, so this ends.
        while (TryOccurrence(anchor, repeat, n, out var local))
        {
            if (endDate is { } end && DateOnly.FromDateTime(local) > end)
            {
                yield break;
            }

            var utc = ClinicClock.ToUtc(local, zone);
            if (utc >= toUtc)
            {
                yield break;
            }

            if (utc >= fromUtc)
            {
                yield return utc;
            }

            if (repeat == RepeatKind.None)
            {
                yield break;
            }

            n++;
        }
    }

    /// <summary>
    /// Index of the first occurrence that can start at or after <paramref name="fromUtc"/>, found
    /// arithmetically so a window years after the anchor costs the same as one next to it.
    /// </summary>
    private static int FirstCandidate(DateTime anchor, RepeatKind repeat, TimeZoneInfo zone, DateTime fromUtc)
    {
        // An anchor beyond the expandable range yields nothing anyway, and converting it could overflow.
        if (repeat == RepeatKind.None || anchor > LastExpandableLocal || fromUtc <= ClinicClock.ToUtc(anchor, zone))
        {
            return 0;
        }

        var fromLocal = ClinicClock.ToLocal(fromUtc, zone).AddDays(-SkipAheadSlackDays);
        long estimate = repeat == RepeatKind.Weekly
            ? (DateOnly.FromDateTime(fromLocal).DayNumber - DateOnly.FromDateTime(anchor).DayNumber) / 7
            : ((fromLocal.Year - anchor.Year) * 12L) + fromLocal.Month - anchor.Month - 1;
        var n = (int)Math.Max(0, estimate);

        // The slack should already keep the estimate at or before the first match; stepping back makes that
        // a guarantee rather than an assumption about zone offsets.
        while (n > 0 && TryOccurrence(anchor, repeat, n - 1, out var previous) && ClinicClock.ToUtc(previous, zone) >= fromUtc)
        {
            n--;
        }

        return n;
    }

    private static bool TryOccurrence(DateTime anchor, RepeatKind repeat, int n, out DateTime local)
    {
        local = default;
        switch (repeat)
        {
            case RepeatKind.None:
                if (n != 0 || anchor > LastExpandableLocal)
                {
                    return false;
                }

                local = anchor;
                return true;

            case RepeatKind.Weekly:
                if ((LastExpandableLocal - anchor).TotalDays < 7.0 * n)
                {
                    return false;
                }

                local = anchor.AddDays(7 * n);
                return true;

            case RepeatKind.Monthly:
                var months = ((LastExpandableLocal.Year - anchor.Year) * 12) + LastExpandableLocal.Month - anchor.Month;
                if (n >= months)
                {
                    return false;
                }

                local = anchor.AddMonths(n);
                return true;

            default:
                return false;
        }
    }
}
