using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Notifications;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Notifications;

/// <summary>Reads and arranges outbox rows in a running app's database.</summary>
internal static class OutboxProbe
{
    public static async Task<List<OutboxMessage>> OutboxAsync(this EmrAppFactory app, Func<OutboxMessage, bool>? where = null)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        var rows = await db.Set<OutboxMessage>().AsNoTracking().ToListAsync();
        return [.. rows.Where(where ?? (_ => true))];
    }

    public static async Task<OutboxMessage> EnqueueAsync(this EmrAppFactory app, OutgoingEmail email)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        var row = db.AddOutboxMessage(email);
        await db.SaveChangesAsync();
        return row;
    }

    /// <summary>Polls until the row satisfies <paramref name="done"/>; fails with its last state after the timeout.</summary>
    public static async Task<OutboxMessage> WaitForRowAsync(this EmrAppFactory app, Guid id, Func<OutboxMessage, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var row = (await app.OutboxAsync(m => m.Id == id)).Single();
            if (done(row))
            {
                return row;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Row {id} stayed {row.Status} after {row.Attempts} attempts ({row.LastError}).");
            await Task.Delay(50);
        }
    }

    public static OutgoingEmail Email(string to, string kind = "Test") =>
        new(to, kind, "Your visit on Monday", "Plain text body", "<p>HTML body</p>");
}
