using ZealthyEmr.Domain.Providers;

namespace ZealthyEmr.Web.Components.Pages.Admin.Providers;

/// <summary>What the provider dialog edits; a new provider starts on Monday to Friday, 09:00–17:00.</summary>
public sealed class ProviderForm
{
    public string Name { get; set; } = "";

    public string Specialty { get; set; } = "";

    public IReadOnlyList<WorkdayForm> Days { get; private init; } = [];

    public static ProviderForm New() => new()
    {
        Days = [.. HoursSummary.Week.Select(d => new WorkdayForm { Day = d, Works = d is not (DayOfWeek.Saturday or DayOfWeek.Sunday) })],
    };

    public static ProviderForm From(ProviderDetails provider) => new()
    {
        Name = provider.Name,
        Specialty = provider.Specialty,
        Days = [.. HoursSummary.Week.Select(d => provider.Hours.FirstOrDefault(h => h.Day == d) is { } h
            ? new WorkdayForm { Day = d, Works = true, Start = h.Start, End = h.End }
            : new WorkdayForm { Day = d })],
    };

    public ProviderInput ToInput() => new(Name, Specialty, [.. Days.Where(d => d.Works).Select(d => d.ToHours())]);
}
