namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// A message as a feature hands it to the outbox. <see cref="PatientId"/> lets the sender honour the patient's
/// email preferences at send time; <see cref="DedupKey"/> makes a second enqueue of the same reminder a no-op.
/// </summary>
public sealed record OutgoingEmail(string To, string Kind, string Subject, string TextBody, string HtmlBody)
{
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    public Guid? PatientId { get; init; }

    /// <summary>The visit or prescription a reminder is about, checked again at send time.</summary>
    public Guid? AboutId { get; init; }

    public string? DedupKey { get; init; }

    /// <summary>Earliest send time (quiet hours); null means as soon as the transaction commits.</summary>
    public DateTime? NotBeforeUtc { get; init; }
}
