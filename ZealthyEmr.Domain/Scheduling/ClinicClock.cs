namespace ZealthyEmr.Domain.Scheduling;

/// <summary>
/// Wall-clock conversions in the clinic zone, with the daylight-saving edge cases decided once so every
/// caller (booking, recurrence, display) agrees on which instant a local time means.
/// </summary>
public static class ClinicClock
{
    // Generous bound on a run of skipped local time: DST gaps are an hour or less, but zones that changed
    // their base offset have skipped more, and the search must end even on corrupt zone data.
    private static readonly TimeSpan MaxGapSearch = TimeSpan.FromHours(48);

    private static readonly TimeSpan GapSearchStep = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Converts a clinic wall-clock time to UTC. The input's <see cref="DateTime.Kind"/> is ignored because
    /// stored local times come back from the database as Unspecified and must mean clinic time regardless.
    /// A time skipped by a spring-forward change moves forward by the gap (02:30 becomes 03:30), so a
    /// visit is never silently dropped; a time that occurs twice on a fall-back day resolves to the first
    /// (daylight) occurrence, the one that happens earlier.
    /// </summary>
    public static DateTime ToUtc(DateTime clinicLocal, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = DateTime.SpecifyKind(clinicLocal, DateTimeKind.Unspecified);

        if (zone.IsInvalidTime(local))
        {
            // Applying the offset in force before the gap lands exactly "gap length" later in local time,
            // whatever the gap length is (an hour in the US, 30 minutes on Lord Howe Island).
            return DateTime.SpecifyKind(local - OffsetBeforeGap(local, zone), DateTimeKind.Utc);
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset gives the earlier instant, i.e. the first time the clock shows this value.
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>
    /// Converts a UTC instant to clinic wall-clock time. The input's Kind is ignored (it is treated as UTC)
    /// and the result is Unspecified so it is never mistaken for the server's own local time.
    /// </summary>
    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
    }

    private static TimeSpan OffsetBeforeGap(DateTime invalidLocal, TimeZoneInfo zone)
    {
        // Walk back to the last valid wall-clock time before the gap; its offset is the one the gap skipped from.
        for (var back = GapSearchStep; back <= MaxGapSearch; back += GapSearchStep)
        {
            if (invalidLocal.Ticks - DateTime.MinValue.Ticks < back.Ticks)
            {
                break;
            }

            var probe = invalidLocal - back;
            if (!zone.IsInvalidTime(probe))
            {
                return zone.GetUtcOffset(probe);
            }
        }

        return zone.BaseUtcOffset;
    }
}
