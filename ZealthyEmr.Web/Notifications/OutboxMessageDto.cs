namespace ZealthyEmr.Web.Notifications;

/// <summary>One outbox message for the admin API; status as a lower-case name (queued, sent, failed, suppressed).</summary>
public sealed record OutboxMessageDto(
    string Id,
    string Kind,
    string Recipient,
    string Subject,
    string Status,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? SentAt);
