namespace ZealthyEmr.Domain.Audit;

/// <summary>
/// Who is acting, as it is written into every audit row. A signed-out caller (a failed sign-in) has no
/// <see cref="UserId"/> but may carry the email that was tried.
/// </summary>
public sealed record AuditActor(
    string? UserId,
    string Email,
    string? Role,
    string? ClientAddress,
    AuditChannel Channel,
    string? CorrelationId)
{
    public const string SystemEmail = "system";

    /// <summary>The server itself: hosted services, seeding, anything outside a request or circuit.</summary>
    public static AuditActor System { get; } = new(null, SystemEmail, null, null, AuditChannel.Background, null);

    public bool IsSystem => UserId is null && Email == SystemEmail;
}
