namespace ZealthyEmr.Domain.Providers;

/// <summary>One weekday's working hours in clinic wall-clock time; <see cref="End"/> is exclusive.</summary>
public sealed record DayHours(DayOfWeek Day, TimeOnly Start, TimeOnly End);
