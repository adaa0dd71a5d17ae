using System.Globalization;
using Microsoft.Extensions.Options;

namespace ZealthyEmr.Domain.Clinic;

/// <summary>
/// How dates and times read in the portals, in <see cref="ClinicOptions.Culture"/> and the clinic zone:
/// "Fri, Dec 4 · 4:30 PM PST". One short date pattern serves every form and dialog.
/// </summary>
public sealed class ClinicFormat(IOptions<ClinicOptions> options, ClinicCalendar calendar)
{
    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(options.Value.Culture);

    /// <summary>The one date format of date pickers and typed dates, e.g. M/d/yyyy in en-US.</summary>
    public string ShortDatePattern => Culture.DateTimeFormat.ShortDatePattern;

    /// <summary>"Fri, Dec 4 · 4:30 PM PST".</summary>
    public string When(DateTime utc) => $"{calendar.ToLocal(utc).ToString("ddd, MMM d", Culture)} · {Time(utc)} {Zone(utc)}";

    /// <summary>"Fri, Dec 4, 2026 · 4:30 PM PST", when the year may not be obvious.</summary>
    public string WhenWithYear(DateTime utc) => $"{calendar.ToLocal(utc).ToString("ddd, MMM d, yyyy", Culture)} · {Time(utc)} {Zone(utc)}";

    /// <summary>A clinic wall-clock time, as stored for a series' first visit.</summary>
    public string LocalDateTime(DateTime clinicLocal) => WhenWithYear(calendar.ToUtc(clinicLocal));

    /// <summary>"4:30 PM".</summary>
    public string Time(DateTime utc) => calendar.ToLocal(utc).ToString("t", Culture);

    public string Time(TimeOnly time) => time.ToString("t", Culture);

    /// <summary>"Fri, Dec 4, 2026".</summary>
    public string Date(DateOnly date) => date.ToString("ddd, MMM d, yyyy", Culture);

    /// <summary>"Friday, December 4".</summary>
    public string DayHeading(DateOnly date) => date.ToString("dddd, MMMM d", Culture);

    public string ShortDate(DateOnly date) => date.ToString(ShortDatePattern, Culture);

    /// <summary>The clinic zone's abbreviation in force at <paramref name="utc"/> (PST or PDT), or its offset (UTC-08:00).</summary>
    public string Zone(DateTime utc) => ZoneAbbreviations.For(calendar.Zone, utc);

    public static bool IsKnownCulture(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        try
        {
            return !CultureInfo.GetCultureInfo(name, predefinedOnly: true).Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
