using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>Runs <see cref="ReminderPlanner"/> at start and then every scan interval, in every instance.</summary>
internal sealed class ReminderService(ReminderPlanner planner, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<ReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, clock);
        do
        {
            try
            {
                var added = await planner.EnqueueDueAsync(stoppingToken);
                if (added > 0)
                {
                    logger.LogInformation("Queued {Count} reminders", added);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Queuing reminders failed; trying again at the next scan");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
