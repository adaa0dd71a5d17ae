namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// The iCalendar SEQUENCE last sent for a visit, so each move or cancellation replaces the event in the patient's
/// calendar instead of adding one. A visit without a row was only ever sent at sequence 0.
/// </summary>
public sealed class CalendarSequence
{
    public Guid VisitId { get; set; }

    public int Sequence { get; set; }
}
