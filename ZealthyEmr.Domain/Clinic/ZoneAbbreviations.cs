namespace ZealthyEmr.Domain.Clinic;

/// <summary>
/// .NET has no time zone abbreviations, so the common US zones are mapped by hand (standard, daylight);
/// any other zone reads as its UTC offset at that instant, which is never wrong.
/// </summary>
public static class ZoneAbbreviations
{
    private static readonly Dictionary<string, (string Standard, string Daylight)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["America/Los_Angeles"] = ("PST", "PDT"),
        ["America/Denver"] = ("MST", "MDT"),
        ["America/Phoenix"] = ("MST", "MST"),
        ["America/Chicago"] = ("CST", "CDT"),
        ["America/New_York"] = ("EST", "EDT"),
        ["America/Detroit"] = ("EST", "EDT"),
        ["America/Anchorage"] = ("AKST", "AKDT"),
        ["Pacific/Honolulu"] = ("HST", "HST"),
        ["Etc/UTC"] = ("UTC", "UTC"),
        ["UTC"] = ("UTC", "UTC"),
    };

    public static string For(TimeZoneInfo zone, DateTime utc)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var instant = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        if (Known.TryGetValue(zone.Id, out var names))
        {
            return zone.IsDaylightSavingTime(instant) ? names.Daylight : names.Standard;
        }

        var offset = zone.GetUtcOffset(instant);
        return $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration():hh\\:mm}";
    }
}
