using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Audit;

internal sealed class AuditLog(IAuditContext context, AuditBuffer buffer, AuditWriter writer, IDbContextFactory<EmrDbContext> contexts, TimeProvider clock) : IAuditLog
{
    public async Task RecordAsync(AuditAction action, string entityType, string? entityId = null, Guid? patientId = null, AuditActor? actor = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.AuditEvents.Add(AuditEvents.New(actor ?? context.Current, clock.GetUtcNow().UtcDateTime, action, entityType, entityId, patientId));
        await db.SaveChangesAsync(ct);
    }

    public void Stage(DbContext db, AuditAction action, string entityType, string? entityId = null, Guid? patientId = null, IEnumerable<string>? changedFields = null)
    {
        var row = AuditEvents.New(context.Current, clock.GetUtcNow().UtcDateTime, action, entityType, entityId, patientId);
        row.ChangedFields = changedFields is null ? null : AuditEvents.JoinFields(changedFields);
        db.Set<AuditEvent>().Add(row);
    }

    public void RecordView(string entityType, string? entityId, Guid? patientId) =>
        buffer.Add(AuditEvents.New(context.Current, clock.GetUtcNow().UtcDateTime, AuditAction.View, entityType, entityId, patientId));

    public Task FlushAsync(CancellationToken ct = default) => writer.FlushAsync(ct);
}
