using ZealthyEmr.Domain.Providers;

namespace ZealthyEmr.Web.Components.Pages.Admin.Providers;

/// <summary>One weekday row of the provider form: whether they work that day, and from when to when.</summary>
public sealed class WorkdayForm
{
    public required DayOfWeek Day { get; init; }

    public bool Works { get; set; }

    public TimeOnly Start { get; set; } = new(9, 0);

    public TimeOnly End { get; set; } = new(17, 0);

    public DayHours ToHours() => new(Day, Start, End);
}
