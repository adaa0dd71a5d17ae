using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace ZealthyEmr.Domain.Data;

/// <summary>
/// Lets SQLite itself wait for the write lock, and lets the <see cref="SqliteWriteGate"/> go when a connection closes or is disposed.
/// Without a busy timeout Microsoft.Data.Sqlite answers a locked database by sleeping 150 ms and trying again, so a
/// writer that meets another (another instance, or one that went ahead of the gate) loses 150 ms even when the other
/// held the lock for one; SQLite's own busy handler retries after 1, 2, 5, 10 ... ms. The timeout is the connection's
/// command timeout, so a write gives up when it did before. It is set on the native handle at each open: a field write, no statement.
/// </summary>
internal sealed class SqliteConnectionSetup(SqliteWriteGate gate) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => SetBusyTimeout(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SetBusyTimeout(connection);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback is rolled back by SQLite when its connection goes back to the pool.
    public override void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => gate.Exit(eventData.ConnectionId);

    public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        gate.Exit(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    // EF disposes a context's connection without a Closed event, and a BEGIN that fails (another process held the write
    // lock past the busy timeout) raises no transaction event at all: the gate is let go when the connection is disposed.
    public override void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => gate.Exit(eventData.ConnectionId);

    public override Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        gate.Exit(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    private static void SetBusyTimeout(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } sqlite)
        {
            raw.sqlite3_busy_timeout(handle, checked(sqlite.DefaultTimeout * 1000));
        }
    }
}
