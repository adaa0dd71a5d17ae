using System.Globalization;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>A clinic wall-clock window (e.g. 21:00-08:00, wrapping midnight) in which reminders wait.</summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public static bool TryParse(string? value, out QuietHours? quiet)
    {
        quiet = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var parts = value.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            || start == end)
        {
            return false;
        }

        quiet = new QuietHours(start, end);
        return true;
    }

    public bool Contains(TimeOnly time) => Start < End ? time >= Start && time < End : time >= Start || time < End;

    /// <summary>The clinic-local time a message due at <paramref name="local"/> may go out: itself, or the end of the window.</summary>
    public DateTime Release(DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        if (!Contains(time))
        {
            return local;
        }

        var date = DateOnly.FromDateTime(local);
        var day = time >= End ? date.AddDays(1) : date;
        return day.ToDateTime(End);
    }
}
