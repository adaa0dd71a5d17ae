using System.ComponentModel.DataAnnotations;

namespace ZealthyEmr.Domain.Booking;

public sealed class BookingOptions
{
    public const string Section = "Booking";

    /// <summary>Redis lock expiry; the lock library extends it while the booking is still running.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan LockExpiry { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait on an unreachable Redis before booking under the database guard alone.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:10")]
    public TimeSpan LockUnavailableAfter { get; set; } = TimeSpan.FromSeconds(1);
}
