namespace ZealthyEmr.Domain.Sessions;

/// <summary>A session as its owner sees it on the sessions page.</summary>
public sealed record SessionSummary(Guid Id, string Device, string? ClientAddress, DateTime CreatedUtc, DateTime LastActivityUtc, DateTime ExpiresUtc);
