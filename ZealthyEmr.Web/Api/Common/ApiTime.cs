using System.Globalization;
using ZealthyEmr.Domain.Clinic;

namespace ZealthyEmr.Web.Api.Common;

/// <summary>
/// The API's date and time contract: instants go out as ISO-8601 clinic local time with its offset; an instant
/// comes in with an offset or Z, or without one, when it is read as clinic wall-clock time.
/// </summary>
public static class ApiTime
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];
    private static readonly string[] OffsetFormats = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>Years outside this range are refused as out of range rather than converted.</summary>
    private const int MinYear = 1900;
    private const int MaxYear = 2200;

    public static DateTimeOffset Out(ClinicCalendar calendar, DateTime utc) => calendar.ToOffset(utc);

    public static DateTimeOffset? Out(ClinicCalendar calendar, DateTime? utc) => utc is { } u ? calendar.ToOffset(u) : null;

    public static string Out(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParseInstant(string? text, ClinicCalendar calendar, out DateTime utc)
    {
        utc = default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 40)
        {
            return false;
        }

        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            if (local.Year is < MinYear or > MaxYear)
            {
                return false;
            }

            utc = calendar.ToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));
            return true;
        }

        if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            && instant.Year is >= MinYear and <= MaxYear)
        {
            utc = instant.UtcDateTime;
            return true;
        }

        return false;
    }

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date.Year is >= MinYear and <= MaxYear;

    public static string InstantHint => "Send an ISO-8601 time such as 2026-12-01T09:30:00-08:00, 2026-12-01T17:30:00Z, or 2026-12-01T09:30 (clinic time).";
}
