namespace ZealthyEmr.Domain.Audit;

/// <summary>An audit row as the admin log shows and exports it, with the patient's name looked up for display.</summary>
public sealed record AuditRow(
    long Id,
    DateTime OccurredUtc,
    string? ActorUserId,
    string ActorEmail,
    string? ActorRole,
    string? ClientAddress,
    AuditChannel Channel,
    AuditAction Action,
    string EntityType,
    string? EntityId,
    Guid? PatientId,
    string? PatientName,
    string? ChangedFields,
    string? CorrelationId,
    string PreviousHash,
    string Hash);
