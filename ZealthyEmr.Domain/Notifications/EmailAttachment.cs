namespace ZealthyEmr.Domain.Notifications;

/// <summary>A small text attachment (an .ics invitation); stored with the message so a retry sends the same bytes.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, string Content);
