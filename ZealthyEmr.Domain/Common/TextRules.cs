using System.Globalization;

namespace ZealthyEmr.Domain.Common;

/// <summary>
/// Names and other short text shown to people must be plain text: no control characters (NUL, tabs, line breaks,
/// escapes) and no bidirectional controls, which can make a name display as something else (right-to-left override).
/// </summary>
public static class TextRules
{
    public static bool IsPlainText(string? text) => text is null || text.All(IsAllowed);

    /// <summary>A field error naming what is wrong, or null when <paramref name="text"/> is plain.</summary>
    public static DomainError? PlainText(string field, string label, string? text) =>
        IsPlainText(text) ? null : DomainError.Validation(field, $"The {label} contains invisible control or text-direction characters; type it again without them.");

    private static bool IsAllowed(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Control && !IsBidiControl(c);

    // LRM, RLM, ALM, the embeddings and overrides (LRE..RLO), and the isolates (LRI..PDI).
    private static bool IsBidiControl(char c) =>
        c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
