namespace ZealthyEmr.Domain.Appointments;

/// <summary>
/// A visit's place in the day's workflow: Scheduled → CheckedIn → Completed, or NoShow, or Cancelled.
/// Values are persisted and <see cref="Cancelled"/> = 2 is the filter of the unique slot indexes
/// ("[Status] &lt;&gt; 2"), so never renumber them; new states go after the last one.
/// </summary>
public enum VisitStatus
{
    Scheduled = 0,
    Completed = 1,
    Cancelled = 2,
    CheckedIn = 3,
    NoShow = 4,
}
