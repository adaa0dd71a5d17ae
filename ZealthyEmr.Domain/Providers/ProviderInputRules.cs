using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;

namespace ZealthyEmr.Domain.Providers;

internal static class ProviderInputRules
{
    public const string NameField = "name";
    public const string SpecialtyField = "specialty";
    public const string HoursField = "hours";

    public static DomainError? Validate(ProviderInput input, ClinicCalendar calendar)
    {
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
        {
            return DomainError.Validation(NameField, "Enter the provider's name (at most 200 characters).");
        }

        if (string.IsNullOrWhiteSpace(input.Specialty) || input.Specialty.Trim().Length > 200)
        {
            return DomainError.Validation(SpecialtyField, "Enter the provider's specialty (at most 200 characters).");
        }

        if ((TextRules.PlainText(NameField, "name", input.Name) ?? TextRules.PlainText(SpecialtyField, "specialty", input.Specialty)) is { } unsafeText)
        {
            return unsafeText;
        }

        var hours = input.Hours ?? [];
        if (hours.GroupBy(h => h.Day).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return DomainError.Validation(HoursField, $"{twice.Key} has more than one entry; give each weekday at most one.");
        }

        foreach (var day in hours)
        {
            if (!Enum.IsDefined(day.Day))
            {
                return DomainError.Validation(HoursField, "Unknown weekday.");
            }

            if (day.Start >= day.End)
            {
                return DomainError.Validation(HoursField, $"On {day.Day}s the start ({day.Start:HH\\:mm}) must be before the end ({day.End:HH\\:mm}).");
            }

            if (!OnGrid(day.Start, calendar.Slot) || !OnGrid(day.End, calendar.Slot))
            {
                return DomainError.Validation(HoursField, $"On {day.Day}s the hours must be on the {calendar.Slot.TotalMinutes:0}-minute grid, for example 09:00–17:00.");
            }
        }

        return null;
    }

    public static List<WorkingHours> ToWorkingHours(IReadOnlyList<DayHours>? hours) =>
        [.. (hours ?? []).OrderBy(h => h.Day).Select(h => new WorkingHours { Day = h.Day, Start = h.Start, End = h.End })];

    private static bool OnGrid(TimeOnly time, TimeSpan slot) => time.Ticks % slot.Ticks == 0;
}
