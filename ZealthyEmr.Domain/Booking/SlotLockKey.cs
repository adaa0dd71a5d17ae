using System.Globalization;

namespace ZealthyEmr.Domain.Booking;

public static class SlotLockKey
{
    /// <summary>
    /// booking:{providerId}:{start as UTC ISO-8601}. Normalised to UTC and whole seconds so that two
    /// spellings of one instant (offsets, Z, fractional zeros) contend for the same lock.
    /// </summary>
    public static string For(Guid providerId, DateTimeOffset start)
    {
        var utc = start.UtcDateTime;
        utc = new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        return $"booking:{providerId:D}:{utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";
    }

    public static string For(Guid providerId, DateTime startUtc) =>
        For(providerId, new DateTimeOffset(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc)));
}
