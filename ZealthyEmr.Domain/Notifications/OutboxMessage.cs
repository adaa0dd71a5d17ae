namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// One email waiting for, or done with, delivery. Written in the transaction of the change that caused it, so a
/// rolled-back change sends nothing. <see cref="Id"/> gives the stable Message-ID, so a retry after a crash between
/// send and mark is recognisable as the same message.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Kind { get; set; }

    public required string Recipient { get; set; }

    public Guid? PatientId { get; set; }

    public Guid? AboutId { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public required string HtmlBody { get; set; }

    /// <summary>JSON array of <see cref="EmailAttachment"/>; null when there are none.</summary>
    public string? AttachmentsJson { get; set; }

    public string? DedupKey { get; set; }

    /// <summary>
    /// JSON of a <see cref="ChangeDraft"/> while a change message waits to be written (recipient, subject and bodies are
    /// empty until then); null once the sender has written it, and for every other message.
    /// </summary>
    public string? DraftJson { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Next time the row may be claimed: now, the end of quiet hours, or after a retry's backoff.</summary>
    public DateTime AvailableAtUtc { get; set; }

    public DateTime? SentUtc { get; set; }

    /// <summary>The claim of the instance sending it; only that claim may mark the row.</summary>
    public Guid? ClaimToken { get; set; }

    /// <summary>A claim older than this is abandoned (the instance died) and the row may be claimed again.</summary>
    public DateTime LeaseUntilUtc { get; set; } = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);
}
