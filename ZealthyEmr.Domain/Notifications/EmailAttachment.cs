namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// A small text attachment, stored with the message: either its text, or (for visit emails) the
/// <see cref="Invitation"/> the sender renders as .ics with the message's creation time as its DTSTAMP, so every
/// attempt sends the same calendar data.
/// </summary>
public sealed record EmailAttachment(string FileName, string ContentType, string Content, CalendarInvitation? Invitation = null);
