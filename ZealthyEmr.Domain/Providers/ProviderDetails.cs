namespace ZealthyEmr.Domain.Providers;

public sealed record ProviderDetails(Guid Id, string Name, string Specialty, bool IsActive, IReadOnlyList<DayHours> Hours, Guid Version);
