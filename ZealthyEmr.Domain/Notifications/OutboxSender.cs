using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>Runs <see cref="OutboxDispatcher"/> in every instance: straight on while there is work, then every poll interval.</summary>
internal sealed class OutboxSender(OutboxDispatcher dispatcher, IOptions<EmailOptions> options, TimeProvider clock, ILogger<OutboxSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = 0;
            try
            {
                due = await dispatcher.DispatchDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Sending queued email failed; trying again after the poll interval");
            }

            if (due == 0)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
