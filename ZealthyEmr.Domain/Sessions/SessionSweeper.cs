using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ZealthyEmr.Domain.Sessions;

/// <summary>Every few minutes, removes and audits the sessions that ran out while nobody was looking.</summary>
internal sealed class SessionSweeper(SessionStore sessions, TimeProvider clock, ILogger<SessionSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await sessions.SweepExpiredAsync(stoppingToken) == 500)
                {
                    // A full batch: more may be waiting.
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup must not stop the sweeping; requests still apply the limits on their own.
                logger.LogWarning(e, "Sweeping expired sessions failed; trying again in {Interval}.", Interval);
            }
        }
    }
}
