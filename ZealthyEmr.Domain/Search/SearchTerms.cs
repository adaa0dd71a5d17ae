using System.Globalization;
using System.Text;

namespace ZealthyEmr.Domain.Search;

/// <summary>
/// What a typed search means: the text itself (any part of any field), its digits when it looks like a phone
/// number, and a date of birth when it is one. Every form reaches SQL as a parameter and FTS5 only ever sees
/// quoted string literals, so quotes, *, :, NEAR, AND/OR and parentheses are searched for as text.
/// </summary>
internal sealed record SearchTerms(string Text, string? Digits, DateOnly? BirthDate)
{
    public const int MaxLength = 200;

    /// <summary>Trigrams cannot match fewer characters; shorter queries take the word-prefix path.</summary>
    public const int TrigramLength = 3;

    private const string PhoneSeparators = " +-().";

    /// <summary>Upper-invariant, as the Normalized columns the documents copy.</summary>
    public string Upper => Text.ToUpperInvariant();

    public bool IsShort => Text.Length < TrigramLength;

    /// <summary>The letters and digits of a short query: what a word must start with.</summary>
    public string WordPrefix => string.Concat(Text.Where(char.IsLetterOrDigit)).ToUpperInvariant();

    public string? IsoBirthDate => BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static SearchTerms? Parse(string? search, CultureInfo culture)
    {
        var text = Collapse(search);
        if (text.Length == 0)
        {
            return null;
        }

        // Exact patterns only: a lenient parse would read a phone fragment such as "12 10" as a date.
        DateOnly? birthDate = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) ? iso
            : DateOnly.TryParseExact(text, culture.DateTimeFormat.ShortDatePattern, culture, DateTimeStyles.None, out var local) ? local
            : null;
        var digits = birthDate is null && text.All(c => char.IsAsciiDigit(c) || PhoneSeparators.Contains(c))
            ? string.Concat(text.Where(char.IsAsciiDigit))
            : null;
        return new SearchTerms(text, digits is { Length: >= TrigramLength } ? digits : null, birthDate);
    }

    /// <summary>
    /// How many of the typed digits the trigram index looks for: the last four. Every phone of a clinic shares its
    /// country and area code, so the trigrams of those digits are in nearly every document and a phrase of all the digits
    /// read them all (2 ms of SQLite per search at 100,000 patients, twice a search); the last four are rare, and the
    /// documents they find are then checked for all the digits (<see cref="NeedsDocumentCheck"/>).
    /// </summary>
    public const int DigitsWindow = 4;

    /// <summary>
    /// The index matches a superset (the last <see cref="DigitsWindow"/> digits of longer typed digits): a document it
    /// finds holds the search only if its phone digits contain <see cref="Digits"/> or one of its fields contains
    /// <see cref="Text"/>. Such text is digits and phone separators only, so the check is exact without any case folding.
    /// </summary>
    public bool NeedsDocumentCheck => !IsShort && Digits is { Length: > DigitsWindow };

    /// <summary>
    /// The part of an email before its '@', when the text is looked up by it (<see cref="NeedsTextCheck"/>): printable ASCII
    /// with at least <see cref="TrigramLength"/> characters on each side of an '@'. A domain is shared by much of a clinic
    /// (its own, the big mail providers), so its trigrams are in most documents and a phrase of the whole email read them
    /// all: 4-9 ms of SQLite at 100,000 patients, twice a search, against 0.4-1 ms for the part before the '@'.
    /// </summary>
    public string? EmailLocalPart
    {
        get
        {
            var at = Text.IndexOf('@', StringComparison.Ordinal);
            return Digits is null && at >= TrigramLength && Text.Length - at - 1 >= TrigramLength && Text.All(c => c is >= ' ' and <= '~')
                ? Text[..at]
                : null;
        }
    }

    /// <summary>
    /// The index matches a superset (the documents holding <see cref="EmailLocalPart"/>): a document it finds holds the
    /// search only if its text holds all of <see cref="Upper"/>. The text is printable ASCII, where .NET's and SQLite's
    /// upper case agree, so the document's upper-case copy of its text (<see cref="SqliteSearchHaystack"/>) says so
    /// exactly; a document without that copy is asked of FTS5 with the whole text.
    /// </summary>
    public bool NeedsTextCheck => EmailLocalPart is not null;

    /// <summary>
    /// The FTS5 trigram query: the text anywhere, or the digits in the phone. A date of birth is matched through its own
    /// index. Longer digits are looked up by their last <see cref="DigitsWindow"/> (<see cref="NeedsDocumentCheck"/>), an
    /// email by the part before its '@' (<see cref="NeedsTextCheck"/>).
    /// </summary>
    public string TrigramQuery()
    {
        if (EmailLocalPart is { } local)
        {
            return Literal(local);
        }

        if (NeedsDocumentCheck)
        {
            var window = Literal(Digits![^DigitsWindow..]);
            return Digits == Text ? window : Literal(Text) + " OR PhoneDigits : " + window;
        }

        var query = new StringBuilder(Literal(Text));
        if (Digits is not null && Digits != Text)
        {
            query.Append(" OR PhoneDigits : ").Append(Literal(Digits));
        }

        return query.ToString();
    }

    /// <summary>The FTS5 word query for a short search: a word starting with its letters and digits.</summary>
    public string WordPrefixQuery() => Literal(WordPrefix) + "*";

    /// <summary>An FTS5 string literal: double quotes around, inner double quotes doubled.</summary>
    public static string Literal(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Collapse(string? search)
    {
        var words = (search ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var text = string.Join(' ', words);
        return text.Length > MaxLength ? text[..MaxLength] : text;
    }
}
