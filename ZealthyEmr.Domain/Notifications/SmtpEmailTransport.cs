using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>Delivers through MailKit, one connection per batch.</summary>
internal sealed class SmtpEmailTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task SendAsync(IReadOnlyList<MimeMessage> messages, Func<MimeMessage, Exception?, Task> completed, CancellationToken ct)
    {
        SmtpClient? client = null;
        Exception? unreachable = null;
        try
        {
            foreach (var message in messages)
            {
                // A server that refused the connection refuses the rest of the batch too; no point waiting on it again.
                if (unreachable is not null)
                {
                    await completed(message, unreachable);
                    continue;
                }

                Exception? error = null;
                try
                {
                    client ??= await ConnectAsync(ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    unreachable = ex;
                    await completed(message, ex);
                    continue;
                }

                try
                {
                    await client.SendAsync(message, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    error = ex;
                    if (!client.IsConnected)
                    {
                        client.Dispose();
                        client = null;
                    }
                }

                await completed(message, error);
            }
        }
        finally
        {
            if (client is not null)
            {
                await QuitAsync(client);
            }
        }
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task QuitAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException)
        {
            // Every message already has its outcome; a failed QUIT changes none of them.
        }
        finally
        {
            client.Dispose();
        }
    }
}
