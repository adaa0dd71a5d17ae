using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using StackExchange.Redis;

namespace ZealthyEmr.Tests.Infrastructure;

/// <summary>
/// Slows every visit insert and, first, wipes the booking locks from Redis: the lock is gone while the
/// transaction is still running, as after an expiry or a failover, so only the database can refuse a duplicate.
/// </summary>
public sealed class LockLossInterceptor(string redis, TimeSpan delay) : DbCommandInterceptor
{
    private readonly Lazy<ConnectionMultiplexer> connection = new(() => ConnectionMultiplexer.Connect(redis));

    public int LocksWiped { get; private set; }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await SlowDownAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await SlowDownAsync(command);
        return result;
    }

    private async Task SlowDownAsync(DbCommand command)
    {
        if (!command.CommandText.Contains("INSERT INTO \"Visits\"", StringComparison.Ordinal))
        {
            return;
        }

        var server = connection.Value.GetServers()[0];
        await foreach (var key in server.KeysAsync(pattern: "booking:*"))
        {
            await connection.Value.GetDatabase().KeyDeleteAsync(key);
            LocksWiped++;
        }

        await Task.Delay(delay);
    }
}
