using MimeKit;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// The no-server default: each message becomes an .eml file any mail client opens. The file is named after the
/// Message-ID, so a retry overwrites instead of adding a copy.
/// </summary>
internal sealed class PickupDirectoryTransport(string directory) : IEmailTransport
{
    public string Directory { get; } = directory;

    public async Task SendAsync(IReadOnlyList<MimeMessage> messages, Func<MimeMessage, Exception?, Task> completed, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var message in messages)
        {
            Exception? error = null;
            try
            {
                var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Split(Path.GetInvalidFileNameChars()));
                var path = Path.Combine(Directory, $"{name}.eml");
                var partial = path + ".tmp";
                await message.WriteToAsync(partial, ct);
                File.Move(partial, path, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error = ex;
            }

            await completed(message, error);
        }
    }
}
