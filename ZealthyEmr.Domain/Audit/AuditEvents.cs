namespace ZealthyEmr.Domain.Audit;

/// <summary>Builds unsealed audit rows; the save interceptor gives them their place in the chain and their hash.</summary>
internal static class AuditEvents
{
    private static long provisionalId;

    /// <summary>
    /// A unique negative key for a row not yet in the chain, so many can be tracked by one context (a batch of reads)
    /// before the interceptor gives each its real position.
    /// </summary>
    public static long NextProvisionalId() => Interlocked.Decrement(ref provisionalId);

    public static AuditEvent New(AuditActor actor, DateTime occurredUtc, AuditAction action, string entityType, string? entityId, Guid? patientId) => new()
    {
        Id = NextProvisionalId(),
        OccurredUtc = occurredUtc,
        ActorUserId = actor.UserId,
        ActorEmail = Truncate(actor.Email, 256)!,
        ActorRole = actor.Role,
        ClientAddress = Truncate(actor.ClientAddress, 64),
        Channel = actor.Channel,
        CorrelationId = Truncate(actor.CorrelationId, 64),
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        PatientId = patientId,
    };

    public static string JoinFields(IEnumerable<string> fields) => Truncate(string.Join(',', fields), 2000)!;

    private static string? Truncate(string? value, int length) => value is { } v && v.Length > length ? v[..length] : value;
}
