using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Notifications;

/// <summary>
/// The real app delivering to a real SMTP server in the test process, polling fast, with quiet hours off so the
/// tests do not depend on the time of day they run at.
/// </summary>
public sealed class NotificationHost : IAsyncLifetime
{
    public NotificationHost()
    {
        Smtp = new SmtpTestServer().Start();
        App = new EmrAppFactory(settings: new Dictionary<string, string?>(Smtp.Settings)
        {
            ["Notifications:QuietHours"] = "",
            ["Notifications:ScanInterval"] = "00:00:00.200",
        });
    }

    public SmtpTestServer Smtp { get; }

    public EmrAppFactory App { get; }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Messages received for <paramref name="recipient"/>, waiting until there are at least <paramref name="count"/>.</summary>
    public async Task<List<MimeMessage>> MailForAsync(string recipient, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var mail = Smtp.Received.Where(m => m.To.Mailboxes.Any(a => a.Address == recipient)).ToList();
            if (mail.Count >= count)
            {
                return mail;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} messages for {recipient}, got {mail.Count}.");
            await Task.Delay(50);
        }
    }

    public Task InitializeAsync()
    {
        _ = App.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
