using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// Runs <see cref="OutboxDispatcher"/> in every instance: straight on while a backlog lasts (a full batch was due), then
/// every poll interval. A pass that found less than a batch has taken all there was, so the sender waits: going straight
/// on after each one made a pass per booking or two while bookings kept coming, three short write transactions each
/// (claim, drafts, marks) queued with the bookings for SQLite's one writer (issue 15); after a wait, one pass takes them
/// all. A message waits at most the poll interval, as one queued while the sender was idle always has.
/// </summary>
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

            if (due < options.Value.BatchSize)
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
