using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ZealthyEmr.Domain.Notifications;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Notifications;

/// <summary>
/// The sender's rhythm: straight on while a full batch was due, otherwise a wait of the poll interval, so that while
/// bookings keep coming one pass takes them all instead of a pass (three write transactions) per booking or two.
/// </summary>
public sealed class OutboxSenderTests
{
    [Fact]
    public async Task AFullBatch_IsFollowedStraightOn_AndAPassThatTookLess_WaitsThePollInterval()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var passes = new ClaimCounter();
        await using var app = new EmrAppFactory(
            settings: new Dictionary<string, string?>
            {
                ["Database:SeedDemoData"] = "false",
                ["Email:PollInterval"] = "00:01:00",
                ["Email:BatchSize"] = "2",
                ["Notifications:ScanInterval"] = "01:00:00",
            },
            services: s => s.AddSingleton<TimeProvider>(clock).AddSingleton<IInterceptor>(passes));
        _ = app.Server;
        await passes.WaitForAsync(1); // the pass at start found nothing and waits

        var queued = new List<OutboxMessage>();
        for (var i = 0; i < 3; i++)
        {
            queued.Add(await app.EnqueueAsync(OutboxProbe.Email($"sender{i}@example.com")));
        }

        await Task.Delay(300); // the sender is in its wait (on this clock) before the clock moves
        clock.Advance(TimeSpan.FromMinutes(1));
        // Two passes and no more time: the first took a full batch (2), so the second came straight after it.
        foreach (var row in queued)
        {
            await app.WaitForRowAsync(row.Id, r => r.Status == OutboxStatus.Sent);
        }

        var late = await app.EnqueueAsync(OutboxProbe.Email("late@example.com"));
        await Task.Delay(500);
        Assert.Equal(3, passes.Count);
        Assert.Equal(OutboxStatus.Queued, Assert.Single(await app.OutboxAsync(m => m.Id == late.Id)).Status);

        clock.Advance(TimeSpan.FromMinutes(1));
        await app.WaitForRowAsync(late.Id, r => r.Status == OutboxStatus.Sent);
        Assert.Equal(4, passes.Count);
    }

    /// <summary>Counts the sender's passes by their claim query (due rows in order of availability).</summary>
    private sealed class ClaimCounter : DbCommandInterceptor
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM \"OutboxMessages\"", StringComparison.Ordinal) && command.CommandText.Contains("ORDER BY \"o\".\"AvailableAtUtc\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref count);
            }

            return ValueTask.FromResult(result);
        }

        public async Task WaitForAsync(int passes)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Count < passes)
            {
                Assert.True(DateTime.UtcNow < deadline, $"The sender made {Count} passes, not {passes}.");
                await Task.Delay(20);
            }
        }
    }
}
