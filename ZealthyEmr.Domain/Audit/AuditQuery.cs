namespace ZealthyEmr.Domain.Audit;

/// <summary>
/// Filters of the admin audit log. <see cref="Page"/> is 0-based. <see cref="Patient"/> is a patient id or part of a
/// patient's name or email; <see cref="User"/> is part of the actor's email; the dates are clinic days, inclusive.
/// </summary>
public sealed record AuditQuery(
    int Page = 0,
    int PageSize = 50,
    string? Patient = null,
    string? User = null,
    AuditAction? Action = null,
    DateOnly? From = null,
    DateOnly? To = null)
{
    public const int MaxPageSize = 500;
}
