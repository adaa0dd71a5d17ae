using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Audit;

/// <summary>
/// Who last changed a record, from the audit trail, so a stale save can name the colleague whose edit won
/// rather than a vague "someone else".
/// </summary>
public sealed class LastChangeLookup(IDbContextFactory<EmrDbContext> contexts)
{
    /// <summary>The email of the last actor who updated the entity, or null when the trail has no update for it.</summary>
    public async Task<string?> LastUpdatedByAsync(string entityType, Guid entityId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var id = entityId.ToString();
        return await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == id && e.Action == AuditAction.Update)
            .OrderByDescending(e => e.Id)
            .Select(e => e.ActorEmail)
            .FirstOrDefaultAsync(ct);
    }
}
