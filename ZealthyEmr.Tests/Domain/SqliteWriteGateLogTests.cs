using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Domain;

/// <summary>
/// A writer that keeps the SQLite write gate stalls every other writer: a hold nobody lets go of is taken over, a
/// holder inside its transaction is waited for, and the log says who held it and for how long. The gate's own waits
/// are real (one-second slices); its sense of how long a hold lasted comes from the fake clock.
/// </summary>
public sealed class SqliteWriteGateLogTests : IDisposable
{
    private readonly FakeTimeProvider clock = new();
    private readonly ListLogger<SqliteWriteGate> logger = new();
    private readonly SqliteConnection holderConnection = new("Data Source=:memory:");
    private readonly SqliteConnection waiterConnection = new("Data Source=:memory:");

    public void Dispose()
    {
        holderConnection.Dispose();
        waiterConnection.Dispose();
    }

    [Fact]
    public void LongHold_IsLoggedWithTheStackThatLetGo()
    {
        using var gate = new SqliteWriteGate(TimeSpan.FromSeconds(30), logger, clock);
        var connection = Guid.NewGuid();

        gate.Enter(holderConnection, connection);
        clock.Advance(TimeSpan.FromSeconds(2.5));
        gate.Exit(connection);

        var (id, level, message) = Assert.Single(logger.Entries);
        Assert.Equal((3103, LogLevel.Warning), (id.Id, level));
        Assert.Contains(connection.ToString(), message, StringComparison.Ordinal);
        Assert.Contains("2500 ms", message, StringComparison.Ordinal);
        Assert.Contains(nameof(LongHold_IsLoggedWithTheStackThatLetGo), message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortHold_AndRepeatedExit_LogNothing()
    {
        using var gate = new SqliteWriteGate(TimeSpan.FromSeconds(30), logger, clock);
        var connection = Guid.NewGuid();

        gate.Enter(holderConnection, connection);
        clock.Advance(TimeSpan.FromMilliseconds(20));
        gate.Exit(connection);
        clock.Advance(TimeSpan.FromSeconds(5));
        gate.Exit(connection);

        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task HoldOutsideAnyTransaction_IsTakenOver_AndTheGateStillLetsOneWriterInAtATime()
    {
        using var gate = new SqliteWriteGate(TimeSpan.FromSeconds(30), logger, clock);
        await holderConnection.OpenAsync();
        var (stale, waiter, next) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        gate.Enter(holderConnection, stale);
        clock.Advance(TimeSpan.FromSeconds(3));

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var entering = gate.EnterAsync(waiterConnection, waiter, deadline.Token).AsTask();
        // Seen over, but not yet for long enough to be told from a holder between its COMMIT and its exit.
        await Task.Delay(250);
        Assert.False(entering.IsCompleted);
        clock.Advance(SqliteWriteGate.OverFor);
        await entering;
        await waiterConnection.OpenAsync();
        await using var begin = waiterConnection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();
        gate.Began(waiter);

        var (id, level, message) = Assert.Single(logger.Entries);
        Assert.Equal((3105, LogLevel.Warning), (id.Id, level));
        Assert.Contains(stale.ToString(), message, StringComparison.Ordinal);
        Assert.Contains(waiter.ToString(), message, StringComparison.Ordinal);

        // The stale holder's late exit must not let a second writer in beside the one that took over.
        gate.Exit(stale);
        await using var nextConnection = new SqliteConnection("Data Source=:memory:");
        var third = gate.EnterAsync(nextConnection, next, deadline.Token).AsTask();
        await Task.Delay(300);
        Assert.False(third.IsCompleted);
        gate.Exit(waiter);
        await third;
    }

    [Fact]
    public async Task HolderInsideItsTransaction_IsWaitedFor()
    {
        using var gate = new SqliteWriteGate(TimeSpan.FromSeconds(30), logger, clock);
        await holderConnection.OpenAsync();
        await using var begin = holderConnection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();
        var (holder, waiter) = (Guid.NewGuid(), Guid.NewGuid());
        gate.Enter(holderConnection, holder);
        clock.Advance(TimeSpan.FromSeconds(3));

        var waiting = gate.EnterAsync(waiterConnection, waiter, CancellationToken.None).AsTask();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(waiting.IsCompleted);

        gate.Exit(holder);
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(logger.Entries, e => e.Id.Id == 3105);
    }

    [Fact]
    public async Task ConnectionThatStillHoldsTheGate_KeepsItWithoutWaiting()
    {
        using var gate = new SqliteWriteGate(TimeSpan.FromSeconds(30), logger, clock);
        var connection = Guid.NewGuid();
        gate.Enter(holderConnection, connection);
        clock.Advance(TimeSpan.FromSeconds(4));

        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await gate.EnterAsync(holderConnection, connection, deadline.Token);

        var (id, _, message) = Assert.Single(logger.Entries);
        Assert.Equal(3104, id.Id);
        Assert.Contains("4000 ms", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitThatGivesUp_NamesTheHolder_AndLetsTheWriterGoAhead()
    {
        // Each reading of this clock moves it on, so the gate's timeout passes while it waits.
        var moving = new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromMilliseconds(5) };
        using var gate = new SqliteWriteGate(TimeSpan.FromMilliseconds(50), logger, moving);
        await holderConnection.OpenAsync();
        await using var begin = holderConnection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();
        var holder = Guid.NewGuid();
        gate.Enter(holderConnection, holder);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await gate.EnterAsync(waiterConnection, Guid.NewGuid(), deadline.Token);

        var (id, level, message) = Assert.Single(logger.Entries);
        Assert.Equal((3102, LogLevel.Warning), (id.Id, level));
        Assert.Contains(holder.ToString(), message, StringComparison.Ordinal);
    }
}
