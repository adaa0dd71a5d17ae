using System.Diagnostics;
using Microsoft.Data.Sqlite;
using StackExchange.Redis;

namespace ZealthyEmr.Bench;

/// <summary>The physical floors a workload is compared with, measured on this machine in the same run.</summary>
public static class Floors
{
    /// <summary>One row inserted in its own transaction, on a file beside the app's with the same settings (WAL, pooled connection).</summary>
    /// <summary>Copies the WAL into the database file and truncates it (waits up to a minute for the app's readers).</summary>
    public static async Task CheckpointAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, DefaultTimeout = 60, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 60000; PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<Latencies> SqliteInsertAsync(string besideDatabase, int samples)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(besideDatabase))!, "floor.db");
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString());
        await connection.OpenAsync();
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS Floor (Id TEXT NOT NULL PRIMARY KEY, StartUtc TEXT NOT NULL, Version TEXT NOT NULL);");
        var millis = new List<double>(samples);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < samples; i++)
        {
            var watch = Stopwatch.StartNew();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await ExecuteAsync(connection, transaction, $"INSERT INTO Floor VALUES ('{Guid.CreateVersion7()}', '2026-12-01 17:30:00', '{Guid.NewGuid()}')");
            await transaction.CommitAsync();
            millis.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Latencies.From("SQLite single-row insert + commit", millis, 0, total.Elapsed, 1);
    }

    /// <summary>SET key value NX PX 10000: what taking the booking lock costs at the least.</summary>
    public static async Task<Latencies> RedisSetNxAsync(string redis, int samples)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var db = connection.GetDatabase();
        var millis = new List<double>(samples);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < samples; i++)
        {
            var watch = Stopwatch.StartNew();
            await db.StringSetAsync($"bench:floor:{i}:{Guid.NewGuid():N}", "1", TimeSpan.FromSeconds(10), When.NotExists);
            millis.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Latencies.From("Redis SET NX PX 10000", millis, 0, total.Elapsed, 1);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
