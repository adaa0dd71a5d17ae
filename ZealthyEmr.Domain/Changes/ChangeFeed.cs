using Microsoft.Extensions.Logging;

namespace ZealthyEmr.Domain.Changes;

/// <summary>This instance's fan-out of <see cref="EmrChange"/> to open pages.</summary>
public sealed class ChangeFeed(ILogger<ChangeFeed> logger)
{
    private readonly Lock gate = new();
    private ImmutableHandlers handlers = new([]);

    public IDisposable Subscribe(Func<EmrChange, Task> handler)
    {
        lock (gate)
        {
            handlers = new([.. handlers.Items, handler]);
        }

        return new Subscription(this, handler);
    }

    /// <summary>Delivers to every listener without waiting on any: a slow page must not hold up a booking.</summary>
    public void Raise(EmrChange change)
    {
        foreach (var handler in handlers.Items)
        {
            _ = DeliverAsync(handler, change);
        }
    }

    public int ListenerCount => handlers.Items.Length;

    private async Task DeliverAsync(Func<EmrChange, Task> handler, EmrChange change)
    {
        try
        {
            await handler(change);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A change listener failed for {Kind}", change.Kind);
        }
    }

    private void Unsubscribe(Func<EmrChange, Task> handler)
    {
        lock (gate)
        {
            handlers = new([.. handlers.Items.Where(h => h != handler)]);
        }
    }

    private sealed record ImmutableHandlers(Func<EmrChange, Task>[] Items);

    private sealed class Subscription(ChangeFeed feed, Func<EmrChange, Task> handler) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(handler);
    }
}
