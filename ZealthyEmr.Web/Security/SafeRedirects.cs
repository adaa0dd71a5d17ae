using System.Globalization;

namespace ZealthyEmr.Web.Security;

/// <summary>
/// A return URL is followed only when it is a path on this site made of visible characters. Anything else (another
/// host, <c>//evil</c>, <c>/\evil</c>, control characters, line or paragraph separators, any kind of space) is
/// dropped in favour of the user's home page rather than reaching the framework's redirect, which throws on them.
/// </summary>
public static class SafeRedirects
{
    public const int MaxLength = 2048;

    public static bool IsLocalPath(string? url) =>
        !string.IsNullOrEmpty(url)
        && url.Length <= MaxLength
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && url.All(IsVisible);

    private static bool IsVisible(char c) =>
        c != '\\' && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);
}
