namespace ZealthyEmr.Domain.Providers;

/// <summary>One weekday's working hours in clinic wall-clock time; <see cref="End"/> is exclusive.</summary>
public sealed class WorkingHours
{
    public DayOfWeek Day { get; set; }

    public TimeOnly Start { get; set; }

    public TimeOnly End { get; set; }
}
