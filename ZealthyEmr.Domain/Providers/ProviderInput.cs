namespace ZealthyEmr.Domain.Providers;

/// <summary>A weekday missing from <see cref="Hours"/> is a day off.</summary>
public sealed record ProviderInput(string Name, string Specialty, IReadOnlyList<DayHours> Hours);
