namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// What a visit email's .ics says, stored with the message instead of the .ics text: the sender renders it
/// (<see cref="VisitInvitation.Render"/>), so building the calendar file is no part of the booking's write transaction.
/// </summary>
public sealed record CalendarInvitation(string Method, string PatientEmail, IReadOnlyList<VisitEvent> Visits);
