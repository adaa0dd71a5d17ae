using System.Diagnostics;

namespace ZealthyEmr.Domain.Booking;

/// <summary>
/// Where one booking's time went, for its structured log line (event 3001): each step is the time since the previous
/// lap, so the parts add up to the booking's time in <see cref="BookingService"/>.
/// </summary>
internal sealed class BookingTimings
{
    private long mark = Stopwatch.GetTimestamp();

    public double ProviderMs { get; set; }

    public double LockMs { get; set; }

    /// <summary>BEGIN IMMEDIATE on SQLite: includes waiting for another writer to commit.</summary>
    public double BeginMs { get; set; }

    public double CheckMs { get; set; }

    /// <summary>SaveChanges: the save interceptors (timestamps, audit chain, outbox message) and the inserts.</summary>
    public double SaveMs { get; set; }

    public double CommitMs { get; set; }

    /// <summary>The lock's release, with the change's publish sent alongside it.</summary>
    public double ReleaseMs { get; set; }

    /// <summary>What was left of the publish once the release had returned (both were sent together).</summary>
    public double PublishMs { get; set; }

    /// <summary>Milliseconds since the last lap (or since the booking began), and starts the next lap.</summary>
    public double Lap()
    {
        var now = Stopwatch.GetTimestamp();
        var elapsed = Stopwatch.GetElapsedTime(mark, now).TotalMilliseconds;
        mark = now;
        return elapsed;
    }
}
