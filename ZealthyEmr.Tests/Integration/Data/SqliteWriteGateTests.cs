using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Tests.Integration.Data;

/// <summary>
/// The in-process write gate must never be kept by a transaction that did not start: another process (the bench's
/// bulk loader, a second instance) can hold SQLite's write lock past the busy timeout, and BEGIN then fails.
/// </summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"zealthy-gate-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task BeginThatFailsOnALockedDatabase_LetsTheNextWriterIn()
    {
        // A one-second busy timeout; the gate itself would keep a leaked holder for a minute.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 1 }.ToString();
        using var gate = new SqliteWriteGate(TimeSpan.FromMinutes(1));
        await using (var other = new SqliteConnection(connectionString))
        {
            await other.OpenAsync();
            await using var hold = other.CreateCommand();
            hold.CommandText = "PRAGMA journal_mode=WAL; BEGIN IMMEDIATE; CREATE TABLE t (x INTEGER);";
            await hold.ExecuteNonQueryAsync();

            await using (var db = new GateProbeContext(connectionString, gate))
            {
                var error = await Assert.ThrowsAsync<SqliteException>(() => db.Database.BeginTransactionAsync());
                Assert.Equal(5, error.SqliteErrorCode);
            }

            hold.CommandText = "ROLLBACK";
            await hold.ExecuteNonQueryAsync();
        }

        // Fails with OperationCanceledException if the failed BEGIN still holds the gate.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var next = new GateProbeContext(connectionString, gate);
        await using var tx = await next.Database.BeginTransactionAsync(deadline.Token);
        await tx.CommitAsync(deadline.Token);
    }

    [Fact]
    public async Task BeginThatFailsOnALockedDatabase_LetsTheNextWriterIn_WhenTheContextIsPooled()
    {
        // The app's contexts come from a pooled factory: a pooled context neither disposes nor closes its connection
        // when it goes back to the pool, so only the failed BEGIN itself can let the gate go.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 1 }.ToString();
        using var gate = new SqliteWriteGate(TimeSpan.FromMinutes(1));
        var factory = new PooledDbContextFactory<PooledProbeContext>(new DbContextOptionsBuilder<PooledProbeContext>()
            .UseSqlite(connectionString).AddInterceptors(new SqliteWriteGateInterceptor(gate), new SqliteConnectionSetup(gate)).Options);
        await using (var other = new SqliteConnection(connectionString))
        {
            await other.OpenAsync();
            await using var hold = other.CreateCommand();
            hold.CommandText = "PRAGMA journal_mode=WAL; BEGIN IMMEDIATE; CREATE TABLE t (x INTEGER);";
            await hold.ExecuteNonQueryAsync();

            await using (var db = await factory.CreateDbContextAsync())
            {
                var error = await Assert.ThrowsAsync<SqliteException>(() => db.Database.BeginTransactionAsync());
                Assert.Equal(5, error.SqliteErrorCode);
            }

            hold.CommandText = "ROLLBACK";
            await hold.ExecuteNonQueryAsync();
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var next = await factory.CreateDbContextAsync(deadline.Token);
        await using var tx = await next.Database.BeginTransactionAsync(deadline.Token);
        await tx.CommitAsync(deadline.Token);
    }

    [Fact]
    public async Task TransactionDisposedWithoutCommit_DoesNotKeepTheNextWriterWaiting()
    {
        // An early return inside a transaction (the booking's "someone holds this slot") disposes it without a commit
        // or rollback: EF raises no transaction event for that, and the gate's own timeout here is a minute.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        using var gate = new SqliteWriteGate(TimeSpan.FromMinutes(1));
        var factory = new PooledDbContextFactory<PooledProbeContext>(new DbContextOptionsBuilder<PooledProbeContext>()
            .UseSqlite(connectionString).AddInterceptors(new SqliteWriteGateInterceptor(gate), new SqliteConnectionSetup(gate)).Options);
        for (var i = 0; i < 3; i++)
        {
            await using var db = await factory.CreateDbContextAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync());
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var next = await factory.CreateDbContextAsync(deadline.Token);
        await using var written = await next.Database.BeginTransactionAsync(deadline.Token);
        await written.CommitAsync(deadline.Token);
    }

    private sealed class GateProbeContext(string connectionString, SqliteWriteGate gate) : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
            optionsBuilder.UseSqlite(connectionString).AddInterceptors(new SqliteWriteGateInterceptor(gate), new SqliteConnectionSetup(gate));
    }

    private sealed class PooledProbeContext(DbContextOptions<PooledProbeContext> options) : DbContext(options);
}
