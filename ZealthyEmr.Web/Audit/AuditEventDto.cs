namespace ZealthyEmr.Web.Audit;

/// <summary>An audit row on the API: enums as lower-case names like the rest of the contract, time in UTC.</summary>
public sealed record AuditEventDto(
    long Id,
    DateTime OccurredUtc,
    string? ActorUserId,
    string ActorEmail,
    string? ActorRole,
    string? ClientAddress,
    string Channel,
    string Action,
    string EntityType,
    string? EntityId,
    Guid? PatientId,
    string? PatientName,
    IReadOnlyList<string> ChangedFields,
    string? CorrelationId,
    string PreviousHash,
    string Hash);
