namespace ZealthyEmr.Domain.Common;

/// <summary>
/// Base of every stored record: timestamps are stamped by <see cref="Data.AuditInterceptor"/>, and
/// <see cref="Version"/> is an optimistic concurrency token that works on SQLite as well as SQL Server
/// (SQLite has no rowversion), so a stale edit is refused instead of silently overwriting.
/// </summary>
public abstract class AuditedEntity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}
