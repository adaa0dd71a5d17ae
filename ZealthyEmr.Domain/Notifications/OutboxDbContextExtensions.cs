using System.Text.Json;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// How any feature sends email: add the message to the context that carries its own change, so the two commit or
/// roll back together. The sender picks the row up after the commit.
/// </summary>
public static class OutboxDbContextExtensions
{
    public static OutboxMessage AddOutboxMessage(this EmrDbContext db, OutgoingEmail email)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(email);
        var message = new OutboxMessage
        {
            Kind = email.Kind,
            Recipient = email.To,
            PatientId = email.PatientId,
            AboutId = email.AboutId,
            Subject = email.Subject,
            TextBody = email.TextBody,
            HtmlBody = email.HtmlBody,
            AttachmentsJson = email.Attachments.Count == 0 ? null : JsonSerializer.Serialize(email.Attachments),
            DedupKey = email.DedupKey,
            Status = OutboxStatus.Queued,
        };

        // CreatedUtc and AvailableAtUtc are stamped from TimeProvider by OutboxStampInterceptor when the context saves.
        message.AvailableAtUtc = email.NotBeforeUtc ?? default;
        db.Set<OutboxMessage>().Add(message);
        return message;
    }

    /// <summary>A change message as its facts only: the sender writes the email from them (<see cref="OutboxDraftRenderer"/>).</summary>
    internal static OutboxMessage AddOutboxDraft(this EmrDbContext db, string kind, Guid patientId, Guid? aboutId, ChangeDraft draft)
    {
        var message = NewOutboxDraft(kind, patientId, aboutId, draft);
        db.Set<OutboxMessage>().Add(message);
        return message;
    }

    /// <summary>A change message as its facts, not yet on any context.</summary>
    internal static OutboxMessage NewOutboxDraft(string kind, Guid patientId, Guid? aboutId, ChangeDraft draft) =>
        new()
        {
            Kind = kind,
            Recipient = "",
            PatientId = patientId,
            AboutId = aboutId,
            Subject = "",
            TextBody = "",
            HtmlBody = "",
            DraftJson = JsonSerializer.Serialize(draft, ChangeDraftJson.Default.ChangeDraft),
            Status = OutboxStatus.Queued,
        };
}
