using System.Text.Json;
using Microsoft.Extensions.Options;
using MimeKit;
using ZealthyEmr.Domain.Clinic;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>Turns a stored row into the MIME message; the same row always yields the same Message-ID.</summary>
public sealed class OutboxMimeBuilder(IOptions<EmailOptions> options, IOptions<ClinicOptions> clinic, UnsubscribeTokens unsubscribe, VisitInvitation invitations)
{
    public string MessageIdFor(Guid rowId)
    {
        var from = options.Value.From;
        return $"{rowId:N}@{from[(from.LastIndexOf('@') + 1)..]}";
    }

    public MimeMessage Build(OutboxMessage row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var message = new MimeMessage { Subject = row.Subject, MessageId = MessageIdFor(row.Id), Date = new DateTimeOffset(DateTime.SpecifyKind(row.CreatedUtc, DateTimeKind.Utc)) };
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(MailboxAddress.Parse(row.Recipient));
        message.Headers.Add("X-Zealthy-Kind", row.Kind);

        // Optional patient mail carries a fresh signed link: in the body for people, in List-Unsubscribe for mail clients.
        var unsubscribePage = clinic.Value.PortalUrl;
        if (row.PatientId is { } patientId && EmailKinds.IsPatientMail(row.Kind))
        {
            var token = unsubscribe.Create(patientId, UnsubscribeTokens.ScopeFor(row.Kind));
            unsubscribePage = unsubscribe.PageUrl(token);
            message.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe.OneClickUrl(token)}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var body = new BodyBuilder
        {
            TextBody = row.TextBody.Replace(EmailBody.UnsubscribePlaceholder, unsubscribePage, StringComparison.Ordinal),
            HtmlBody = row.HtmlBody.Replace(EmailBody.UnsubscribePlaceholder, System.Net.WebUtility.HtmlEncode(unsubscribePage), StringComparison.Ordinal),
        };
        var attachments = row.AttachmentsJson is null ? [] : JsonSerializer.Deserialize<List<EmailAttachment>>(row.AttachmentsJson) ?? [];
        foreach (var attachment in attachments)
        {
            var content = attachment.Invitation is { } invitation ? invitations.Render(invitation, row.CreatedUtc) : attachment.Content;
            body.Attachments.Add(attachment.FileName, System.Text.Encoding.UTF8.GetBytes(content), ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
