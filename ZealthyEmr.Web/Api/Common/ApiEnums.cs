using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Web.Api.Common;

/// <summary>Enums travel as lower-case names ("weekly"), as in the original contract; numbers are refused.</summary>
public static class ApiEnums
{
    public static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var trimmed = text?.Trim();
        return !string.IsNullOrEmpty(trimmed) && !char.IsAsciiDigit(trimmed[0]) && trimmed[0] != '-'
            && Enum.TryParse(trimmed, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    public static string Choices<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(Name));

    public static bool TryParseRepeat(string? text, out RepeatKind repeat)
    {
        repeat = RepeatKind.None;
        return string.IsNullOrWhiteSpace(text) || TryParse(text, out repeat);
    }
}
