using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Providers;

/// <summary>
/// Providers change a few times a year but are read on every booking and availability request. Entries are
/// dropped on any provider change this instance hears of (its own, or another instance's through Redis) and
/// expire after <see cref="MaxAge"/> regardless, in case a notification was missed.
/// </summary>
public sealed class ProviderCache : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, (Provider? Provider, DateTimeOffset LoadedAt)> entries = new();
    private readonly IDbContextFactory<EmrDbContext> contexts;
    private readonly TimeProvider clock;
    private readonly IDisposable subscription;

    public ProviderCache(IDbContextFactory<EmrDbContext> contexts, ChangeFeed feed, TimeProvider clock)
    {
        (this.contexts, this.clock) = (contexts, clock);
        subscription = feed.Subscribe(change =>
        {
            if (change.Kind == ChangeKind.Providers)
            {
                entries.Clear();
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>A detached copy; callers must not change it.</summary>
    public async Task<Provider?> GetAsync(Guid providerId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(providerId, out var entry) && now - entry.LoadedAt < MaxAge)
        {
            return entry.Provider;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId, ct);
        entries[providerId] = (provider, now);
        return provider;
    }

    public void Dispose() => subscription.Dispose();
}
