using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ZealthyEmr.Domain.Changes;

/// <summary>Publishes to every instance; <see cref="RedisChangeRelay"/> delivers it here too, so this one doesn't.</summary>
internal sealed class RedisChangePublisher(IConnectionMultiplexer redis, ChangeFeed feed, ILogger<RedisChangePublisher> logger) : IChangePublisher
{
    public const string Channel = "emr:changes";

    /// <summary>
    /// The publish follows a committed change, so it must never hold up the answer: a wedged connection (seen in the
    /// bench's 100-client race, StackExchange.Redis's backlog stuck "writing") left a booking's publish pending until
    /// the client gave up, and its cancellation came back as a 500 for a booking that was made.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    public async Task PublishAsync(EmrChange change, CancellationToken ct = default)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(Channel), JsonSerializer.Serialize(change)).WaitAsync(Timeout, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Other instances miss this hint until Redis is back; this instance's pages still update.
            logger.LogWarning(ex, "Redis is unreachable; change {Kind} delivered on this instance only", change.Kind);
            feed.Raise(change);
        }
    }
}
