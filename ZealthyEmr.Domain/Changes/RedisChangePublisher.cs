using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ZealthyEmr.Domain.Changes;

/// <summary>Publishes to every instance; <see cref="RedisChangeRelay"/> delivers it here too, so this one doesn't.</summary>
internal sealed class RedisChangePublisher(IConnectionMultiplexer redis, ChangeFeed feed, ILogger<RedisChangePublisher> logger) : IChangePublisher
{
    public const string Channel = "emr:changes";

    public async Task PublishAsync(EmrChange change, CancellationToken ct = default)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(Channel), JsonSerializer.Serialize(change));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Other instances miss this hint until Redis is back; this instance's pages still update.
            logger.LogWarning(ex, "Redis is unreachable; change {Kind} delivered on this instance only", change.Kind);
            feed.Raise(change);
        }
    }
}
