using MimeKit;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>Where finished messages go: an SMTP server, or .eml files when none is configured.</summary>
public interface IEmailTransport
{
    /// <summary>
    /// Sends the batch in order and reports every message's outcome (null error: delivered) as soon as it is
    /// known; the dispatcher marks delivered messages in small groups.
    /// </summary>
    Task SendAsync(IReadOnlyList<MimeMessage> messages, Func<MimeMessage, Exception?, Task> completed, CancellationToken ct);
}
