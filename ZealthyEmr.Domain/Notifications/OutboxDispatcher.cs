using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// One pass of the sender: claim due rows with a lease, write the emails of change drafts, deliver them, mark each.
/// Any number of instances may run this at once; the claim is a single conditional UPDATE, so a row has one holder
/// until its lease runs out.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<EmrDbContext> contexts,
    IEmailTransport transport,
    OutboxMimeBuilder mime,
    DeliveryGate gate,
    OutboxDraftRenderer drafts,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    private const int MarkGroup = 10;

    /// <summary>Delivers one batch; returns how many rows were due (0: nothing to do, so the caller may wait).</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct = default)
    {
        var (due, claimed, token) = await ClaimAsync(ct);
        if (claimed.Count == 0)
        {
            return due;
        }

        var rows = claimed.ToDictionary(r => mime.MessageIdFor(r.Id));
        var messages = new List<MimeMessage>(claimed.Count);
        var heldBack = await gate.HoldBackAsync(claimed, ct);
        var unwritten = await drafts.WriteAsync([.. claimed.Where(r => !heldBack.ContainsKey(r.Id))], token, ct);
        foreach (var row in claimed)
        {
            if (heldBack.TryGetValue(row.Id, out var reason))
            {
                await MarkSuppressedAsync(row, token, reason, ct);
                continue;
            }

            if (unwritten.TryGetValue(row.Id, out var draftError))
            {
                await (draftError is null
                    ? MarkSuppressedAsync(row, token, "The patient was archived or no longer exists.", ct)
                    : MarkFailedAsync(row, token, draftError, ct));
                continue;
            }

            try
            {
                messages.Add(mime.Build(row));
            }
            catch (Exception ex) when (ex is ParseException or FormatException or System.Text.Json.JsonException)
            {
                await MarkFailedAsync(row, token, ex, ct);
            }
        }

        // Delivered rows are marked a group at a time, one UPDATE each, not one write transaction per message: those
        // transactions queued with the bookings for SQLite's one writer (issue 14's booking cost). A crash loses at most
        // one group's marks, and those messages go again with the same Message-ID once their lease runs out.
        var sent = new List<Guid>(MarkGroup);
        try
        {
            await transport.SendAsync(messages, async (message, error) =>
            {
                var row = rows[message.MessageId!];
                if (error is not null)
                {
                    await MarkFailedAsync(row, token, error, ct);
                    return;
                }

                sent.Add(row.Id);
                if (sent.Count >= MarkGroup)
                {
                    await MarkSentAsync(sent, token, ct);
                }
            }, ct);
        }
        finally
        {
            await MarkSentAsync(sent, token, CancellationToken.None);
        }

        return due;
    }

    /// <summary>The delay before attempt <paramref name="attempts"/> + 1: doubling from the base, capped.</summary>
    public static TimeSpan Backoff(EmailOptions options, int attempts)
    {
        ArgumentNullException.ThrowIfNull(options);
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(options.RetryBaseDelay.Ticks * factor, options.MaxRetryDelay.Ticks));
        return delay;
    }

    private async Task<(int Due, List<OutboxMessage> Claimed, Guid Token)> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();
        var lease = now + options.Value.Lease;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var outbox = db.Set<OutboxMessage>();
        var ids = await outbox
            .Where(m => m.Status == OutboxStatus.Queued && m.AvailableAtUtc <= now && m.LeaseUntilUtc < now)
            .OrderBy(m => m.AvailableAtUtc)
            .Select(m => m.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(ct);
        if (ids.Count == 0)
        {
            return (0, [], token);
        }

        // The conditions are repeated in the UPDATE: a row another instance claimed since the SELECT no longer matches.
        var claimed = await outbox
            .Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Queued && m.LeaseUntilUtc < now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.LeaseUntilUtc, lease), ct);
        if (claimed == 0)
        {
            return (ids.Count, [], token);
        }

        return (ids.Count, await outbox.AsNoTracking().Where(m => m.ClaimToken == token).ToListAsync(ct), token);
    }

    private async Task MarkSentAsync(List<Guid> sent, Guid token, CancellationToken ct)
    {
        if (sent.Count == 0)
        {
            return;
        }

        var ids = sent.ToList();
        sent.Clear();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Set<OutboxMessage>()
            .Where(m => ids.Contains(m.Id) && m.ClaimToken == token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentUtc, now)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.ClaimToken, (Guid?)null), ct);
    }

    private async Task MarkSuppressedAsync(OutboxMessage row, Guid token, string reason, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Set<OutboxMessage>()
            .Where(m => m.Id == row.Id && m.ClaimToken == token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Suppressed)
                .SetProperty(m => m.LastError, reason)
                .SetProperty(m => m.ClaimToken, (Guid?)null), ct);
    }

    private async Task MarkFailedAsync(OutboxMessage row, Guid token, Exception error, CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = row.Attempts + 1;
        var failed = attempts >= settings.MaxAttempts;
        var next = failed ? row.AvailableAtUtc : now + Backoff(settings, attempts);
        var reason = error.Message.Length > 1000 ? error.Message[..1000] : error.Message;
        if (failed)
        {
            logger.LogWarning(error, "Email {MessageId} ({Kind}) failed after {Attempts} attempts", row.Id, row.Kind, attempts);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Set<OutboxMessage>()
            .Where(m => m.Id == row.Id && m.ClaimToken == token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, failed ? OutboxStatus.Failed : OutboxStatus.Queued)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, reason)
                .SetProperty(m => m.AvailableAtUtc, next)
                .SetProperty(m => m.LeaseUntilUtc, DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc))
                .SetProperty(m => m.ClaimToken, (Guid?)null), ct);
    }
}
