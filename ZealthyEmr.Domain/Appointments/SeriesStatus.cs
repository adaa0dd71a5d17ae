namespace ZealthyEmr.Domain.Appointments;

/// <summary>
/// The stored state of a series. What people see is derived by <see cref="SeriesQueries"/>: a series
/// without upcoming visits, or whose end date has passed, reads as Ended even while it is stored Active.
/// Values are persisted, so never renumber them.
/// </summary>
public enum SeriesStatus
{
    Active = 0,
    Ended = 1,
    /// <summary>Every visit was cancelled, e.g. the only visit of a single booking.</summary>
    Cancelled = 2,
}
