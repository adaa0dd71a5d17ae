using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ZealthyEmr.Domain.Changes;

/// <summary>Feeds changes published by any instance into this instance's <see cref="ChangeFeed"/>.</summary>
internal sealed class RedisChangeRelay(IConnectionMultiplexer redis, ChangeFeed feed, ILogger<RedisChangeRelay> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(RedisChangePublisher.Channel), (_, message) =>
            {
                if (message.HasValue && JsonSerializer.Deserialize<EmrChange>(message.ToString()) is { } change)
                {
                    feed.Raise(change);
                }
            });
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // StackExchange.Redis re-subscribes by itself once the connection comes back.
            logger.LogWarning(ex, "Could not subscribe to Redis change notifications yet");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
