using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Tests.Domain;

/// <summary>What the recurrence tests share: the clinic's zone, local and UTC instants, and the obvious slow expansion to compare with.</summary>
internal static class RecurrenceClock
{
    internal static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    internal static DateTime Local(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);

    internal static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    internal static List<DateTime> Expand(DateTime anchor, RepeatKind repeat, DateOnly? endDate, DateTime fromUtc, DateTime toUtc) =>
        Recurrence.Expand(anchor, repeat, endDate, Pacific, fromUtc, toUtc).ToList();

    internal static List<DateTime> ToLocal(IEnumerable<DateTime> utcs) =>
        utcs.Select(u => ClinicClock.ToLocal(u, Pacific)).ToList();

    internal static List<double> OffsetHours(IEnumerable<DateTime> utcs) =>
        utcs.Select(u => Pacific.GetUtcOffset(u).TotalHours).ToList();

    /// <summary>The obvious, slow expansion: walk every occurrence from the anchor.</summary>
    internal static List<DateTime> Naive(DateTime anchor, RepeatKind repeat, DateOnly? endDate, TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc)
    {
        var result = new List<DateTime>();
        for (var n = 0; repeat != RepeatKind.None || n == 0; n++)
        {
            var local = repeat == RepeatKind.Monthly ? anchor.AddMonths(n) : anchor.AddDays(7 * n);
            if (endDate is { } end && DateOnly.FromDateTime(local) > end)
            {
                break;
            }

            var utc = ClinicClock.ToUtc(local, zone);
            if (utc >= toUtc)
            {
                break;
            }

            if (utc >= fromUtc)
            {
                result.Add(utc);
            }
        }

        return result;
    }
}
