namespace ZealthyEmr.Domain.Notifications;

public enum OutboxStatus
{
    Queued = 0,
    Sent = 1,
    Failed = 2,

    /// <summary>Not sent on purpose: the patient turned this kind of email off, or the visit or refill it was about is gone.</summary>
    Suppressed = 3,
}
