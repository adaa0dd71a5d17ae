using ZealthyEmr.Domain.Providers;

namespace ZealthyEmr.Web.Components.Pages.Admin.Patients;

/// <summary>The start times a provider offers on a day, for time pickers; the domain still validates the choice.</summary>
internal static class SlotTimes
{
    public static IEnumerable<TimeOnly> For(ProviderDetails? provider, DateTime? date, TimeSpan slot)
    {
        var hours = date is { } d ? provider?.Hours.FirstOrDefault(h => h.Day == d.DayOfWeek) : null;
        if (hours is null)
        {
            yield break;
        }

        for (var t = hours.Start; t.ToTimeSpan() + slot <= hours.End.ToTimeSpan(); t = t.Add(slot))
        {
            yield return t;
        }
    }

    public static string Describe(ProviderDetails? provider, DateTime? date)
    {
        if (provider is null || date is not { } d)
        {
            return "";
        }

        var hours = provider.Hours.FirstOrDefault(h => h.Day == d.DayOfWeek);
        return hours is null ? $"{provider.Name} does not work on {d.DayOfWeek}s." : $"{provider.Name} works {hours.Start:HH\\:mm}–{hours.End:HH\\:mm} on {d.DayOfWeek}s.";
    }
}
