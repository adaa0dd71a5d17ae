namespace ZealthyEmr.Web.Notifications;

/// <summary>The message that will be sent: the same id for a requeued failure, a new one for a copy of a sent message.</summary>
public sealed record ResendResultDto(string Id);
