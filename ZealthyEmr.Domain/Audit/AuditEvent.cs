namespace ZealthyEmr.Domain.Audit;

/// <summary>
/// One append-only audit row. <see cref="Id"/> is the row's place in the hash chain (1, 2, 3...), assigned
/// under the chain-head lock, and <see cref="Hash"/> covers every other column plus <see cref="PreviousHash"/>,
/// so editing, deleting or reordering a row breaks the chain at that row. It holds names of changed fields, never their values.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    public DateTime OccurredUtc { get; set; }

    public string? ActorUserId { get; set; }

    public string ActorEmail { get; set; } = AuditActor.SystemEmail;

    public string? ActorRole { get; set; }

    public string? ClientAddress { get; set; }

    public AuditChannel Channel { get; set; }

    public AuditAction Action { get; set; }

    public string EntityType { get; set; } = "";

    public string? EntityId { get; set; }

    /// <summary>The patient whose record this is, when the entity is protected health information.</summary>
    public Guid? PatientId { get; set; }

    /// <summary>Comma-separated property names, e.g. "Phone,DateOfBirth".</summary>
    public string? ChangedFields { get; set; }

    public string? CorrelationId { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";

    internal bool IsSealed => Hash.Length > 0;
}
