namespace ZealthyEmr.Domain.Sessions;

/// <summary>
/// What an API request needs of its token's user, read in one query: whether the user may still act, the security
/// stamp the token must match, the email and roles to put on the request, and the user's patient record if any.
/// </summary>
public sealed record TokenUser(bool MayAct, string? SecurityStamp, string? Email, IReadOnlyList<string> Roles, Guid? PatientId);
