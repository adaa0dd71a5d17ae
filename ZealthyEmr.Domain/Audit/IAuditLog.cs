using Microsoft.EntityFrameworkCore;

namespace ZealthyEmr.Domain.Audit;

/// <summary>
/// Audit events that are not a tracked data change: sign-ins, session ends, exports, reads. Data changes need no call;
/// the save interceptor records them. The actor defaults to <see cref="IAuditContext.Current"/>.
/// </summary>
public interface IAuditLog
{
    /// <summary>Writes one event now, in its own transaction (sign-in, sign-out, session revoked, access denied...).</summary>
    Task RecordAsync(AuditAction action, string entityType, string? entityId = null, Guid? patientId = null, AuditActor? actor = null, CancellationToken ct = default);

    /// <summary>Adds an event to <paramref name="db"/> so it commits or rolls back with that context's next save.</summary>
    void Stage(DbContext db, AuditAction action, string entityType, string? entityId = null, Guid? patientId = null, IEnumerable<string>? changedFields = null);

    /// <summary>A read of protected health information: buffered and written within a second, so reads stay fast.</summary>
    void RecordView(string entityType, string? entityId, Guid? patientId);

    /// <summary>Writes every buffered view now (before an export or a verification, and at shutdown).</summary>
    Task FlushAsync(CancellationToken ct = default);
}
