using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>What the admin page and API show of the outbox, and resend.</summary>
public sealed class NotificationAdminService(IDbContextFactory<EmrDbContext> contexts, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    /// <summary>What the list shows as the subject of a change message the sender has not written yet.</summary>
    public const string DraftSubject = "(written when it is sent)";

    /// <summary>Newest first, optionally one status only.</summary>
    public async Task<OutboxPage> ListAsync(OutboxStatus? status, int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 0);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var outbox = db.Set<OutboxMessage>().AsNoTracking();
        var counts = await outbox.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var filtered = status is null ? outbox : outbox.Where(m => m.Status == status);
        var rows = await filtered
            .OrderByDescending(m => m.CreatedUtc).ThenByDescending(m => m.Id)
            .Skip(page * pageSize).Take(pageSize)
            // A change message not yet written (a draft) has no recipient or subject of its own yet: show the patient's address.
            .Select(m => new OutboxRow(
                m.Id,
                m.Kind,
                m.DraftJson == null ? m.Recipient : db.Patients.Where(p => p.Id == m.PatientId).Select(p => p.Email).FirstOrDefault() ?? "",
                m.DraftJson == null ? m.Subject : DraftSubject,
                m.Status, m.Attempts, m.LastError, m.CreatedUtc, m.AvailableAtUtc, m.SentUtc))
            .ToListAsync(ct);
        var total = status is null ? counts.Values.Sum() : counts.GetValueOrDefault(status.Value);
        return new OutboxPage(rows, total, counts);
    }

    /// <summary>
    /// A failed or held-back message is queued again as it is (same Message-ID, attempts from zero); a sent one is
    /// copied as a new message, since a recipient's server would drop a second copy with the same Message-ID.
    /// Returns the id of the row that will be sent.
    /// </summary>
    public async Task<Result<Guid>> ResendAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Set<OutboxMessage>().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (row is null)
        {
            return DomainError.NotFound("The message");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        switch (row.Status)
        {
            case OutboxStatus.Queued:
                return DomainError.Validation("id", "This message is still queued; it will be sent without a resend.");
            case OutboxStatus.Sent:
                var copy = new OutboxMessage
                {
                    Kind = row.Kind,
                    Recipient = row.Recipient,
                    PatientId = row.PatientId,
                    AboutId = row.AboutId,
                    Subject = row.Subject,
                    TextBody = row.TextBody,
                    HtmlBody = row.HtmlBody,
                    AttachmentsJson = row.AttachmentsJson,
                    DraftJson = row.DraftJson,
                    Status = OutboxStatus.Queued,
                };
                db.Set<OutboxMessage>().Add(copy);
                await db.SaveChangesAsync(ct);
                return copy.Id;
            default:
                var requeued = await db.Set<OutboxMessage>()
                    .Where(m => m.Id == id && m.Status == row.Status)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.Status, OutboxStatus.Queued)
                        .SetProperty(m => m.Attempts, 0)
                        .SetProperty(m => m.LastError, (string?)null)
                        .SetProperty(m => m.AvailableAtUtc, now)
                        .SetProperty(m => m.LeaseUntilUtc, DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc))
                        .SetProperty(m => m.ClaimToken, (Guid?)null), ct);
                return requeued == 1 ? row.Id : DomainError.Stale("The message");
        }
    }
}
