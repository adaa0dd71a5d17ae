using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ZealthyEmr.Tests.Infrastructure;

/// <summary>
/// A real SMTP server in the test process on a free loopback port. It can be stopped and started again on the
/// same port (a mail server outage) or told to refuse every message (a permanent failure).
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly Store store;
    private CancellationTokenSource? running;
    private SmtpServer.SmtpServer? server;

    public SmtpTestServer()
    {
        store = new Store(this);
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>While set, every message is refused with 554, as a server that will never take it.</summary>
    public bool RejectAll { get; set; }

    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:UseStartTls"] = "false",
        ["Email:PollInterval"] = "00:00:00.050",
        ["Email:RetryBaseDelay"] = "00:00:00.050",
        ["Email:MaxRetryDelay"] = "00:00:00.200",
    };

    public SmtpTestServer Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(store);
        running = new CancellationTokenSource();
        server = new SmtpServer.SmtpServer(options, services);
        _ = server.StartAsync(running.Token);
        return this;
    }

    public async Task StopAsync()
    {
        if (server is null || running is null)
        {
            return;
        }

        server.Shutdown();
        await running.CancelAsync();
        try
        {
            await server.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // The listener ends by cancellation; that is the stop we asked for.
        }

        running.Dispose();
        (server, running) = (null, null);
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived, or fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Received.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} messages, got {Received.Count}.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store(SmtpTestServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (owner.RejectAll)
            {
                return new SmtpResponse(SmtpReplyCode.TransactionFailed, "rejected by the test");
            }

            await using var stream = new MemoryStream(buffer.ToArray());
            owner.Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
