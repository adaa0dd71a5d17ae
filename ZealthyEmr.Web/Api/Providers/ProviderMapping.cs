using System.Globalization;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Web.Api.Common;

namespace ZealthyEmr.Web.Api.Providers;

public static class ProviderMapping
{
    private static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss"];

    public static ProviderDto ToDto(this ProviderDetails p) =>
        new(p.Id, p.Name, p.Specialty, p.IsActive, [.. p.Hours.Select(h => new HoursDto(ApiEnums.Name(h.Day), Time(h.Start), Time(h.End)))], p.Version);

    /// <summary>The request as the domain's input, or the first field error; the domain checks the rest (grid, order, duplicates).</summary>
    public static Result<ProviderInput> ToInput(this ProviderRequest body)
    {
        var hours = new List<DayHours>();
        foreach (var (h, i) in (body.Hours ?? []).Select((h, i) => (h, i)))
        {
            if (h is null || !ApiEnums.TryParse<DayOfWeek>(h.Day, out var day))
            {
                return DomainError.Validation($"hours[{i}].day", $"The day is one of {ApiEnums.Choices<DayOfWeek>()}.");
            }

            if (!TryTime(h.Start, out var start) || !TryTime(h.End, out var end))
            {
                return DomainError.Validation($"hours[{i}]", "Start and end are clinic times such as 09:00 and 17:00.");
            }

            hours.Add(new DayHours(day, start, end));
        }

        return new ProviderInput(body.Name ?? "", body.Specialty ?? "", hours);
    }

    private static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
