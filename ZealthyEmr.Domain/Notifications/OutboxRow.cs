namespace ZealthyEmr.Domain.Notifications;

/// <summary>An outbox message as the admin page lists it: who, what kind, where it stands; never its body.</summary>
public sealed record OutboxRow(
    Guid Id,
    string Kind,
    string Recipient,
    string Subject,
    OutboxStatus Status,
    int Attempts,
    string? LastError,
    DateTime CreatedUtc,
    DateTime AvailableAtUtc,
    DateTime? SentUtc);
