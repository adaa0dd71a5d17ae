using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ZealthyEmr.Tests.Infrastructure;

/// <summary>A real redis-server on a free loopback port, started for the tests and stopped after them.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? process;

    public int Port { get; private set; }

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000";

    public async Task InitializeAsync()
    {
        Port = FreePort();
        process = Process.Start(new ProcessStartInfo("redis-server", $"--port {Port} --bind 127.0.0.1 --save \"\" --appendonly no")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start; ./test.sh installs it.");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();

        for (var i = 0; i < 100; i++)
        {
            if (await AcceptsAsync())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"redis-server did not listen on port {Port}.");
    }

    public Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        return Task.CompletedTask;
    }

    public Task DisposeAsync() => StopAsync();

    private async Task<bool> AcceptsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
