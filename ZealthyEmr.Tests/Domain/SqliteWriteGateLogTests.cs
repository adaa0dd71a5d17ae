using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Domain;

/// <summary>A writer that keeps the SQLite write gate stalls every other writer: the log must say who, and for how long.</summary>
public sealed class SqliteWriteGateLogTests
{
    private readonly FakeTimeProvider clock = new();
    private readonly ListLogger<SqliteWriteGate> logger = new();

    [Fact]
    public void LongHold_IsLoggedWithTheStackThatLetGo()
    {
        using var gate = new SqliteWriteGate(TimeSpan.FromSeconds(30), logger, clock);
        var connection = Guid.NewGuid();

        gate.Enter(connection);
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

        gate.Enter(connection);
        clock.Advance(TimeSpan.FromMilliseconds(20));
        gate.Exit(connection);
        clock.Advance(TimeSpan.FromSeconds(5));
        gate.Exit(connection);

        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task WaitThatGivesUp_NamesTheHolder_AndLetsTheWriterGoAhead()
    {
        using var gate = new SqliteWriteGate(TimeSpan.FromMilliseconds(50), logger, clock);
        var holder = Guid.NewGuid();
        gate.Enter(holder);
        clock.Advance(TimeSpan.FromSeconds(40));

        await gate.EnterAsync(Guid.NewGuid(), CancellationToken.None);

        var (id, level, message) = Assert.Single(logger.Entries);
        Assert.Equal((3102, LogLevel.Warning), (id.Id, level));
        Assert.Contains(holder.ToString(), message, StringComparison.Ordinal);
        Assert.Contains("40000 ms so far", message, StringComparison.Ordinal);
    }
}
