namespace ZealthyEmr.Domain.Audit;

/// <summary>
/// How many buffered reads the next batch of <see cref="AuditWriter"/> takes: as many as fit in <see cref="Budget"/>
/// at the last batch's time per row. A batch holds SQLite's one write lock, and every booking waits behind it: at
/// 100,000 patients a 500-row batch took 60-80 ms on this machine (each row lands at a random place in the
/// by-patient index), and single bookings waited that long at the median after a burst of list pages.
/// </summary>
internal static class AuditBatchSizer
{
    public const int Min = 25;

    public const int Max = 500;

    /// <summary>About how long one batch may hold the write lock.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(10);

    public static int Next(int rows, TimeSpan took)
    {
        if (rows <= 0 || took <= TimeSpan.Zero)
        {
            return Max;
        }

        var fits = Budget.Ticks * rows / took.Ticks;
        return (int)Math.Clamp(fits, Min, Max);
    }
}
