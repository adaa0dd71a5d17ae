namespace ZealthyEmr.Domain.Providers;

public sealed record ProviderSummary(Guid Id, string Name, string Specialty, bool IsActive);
