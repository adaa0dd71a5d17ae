using Microsoft.EntityFrameworkCore.Migrations;

namespace ZealthyEmr.Domain.Search;

/// <summary>
/// Each document's searchable text in one upper-case string, stored in the sort-name index, so a search with thousands
/// of matches can walk that index and test each entry with <c>instr</c> (<see cref="SqliteTieredPage"/>) instead of first
/// reading every match's row id out of FTS5 into a temporary index: at 100,000 patients that set cost 1-2 ms of a
/// 3-character search's 2-3 ms page, the walk a few hundred microseconds. A generated column (nothing writes it) of the
/// fields FTS5 indexes, separated by tabs, which a search never contains (its whitespace is collapsed to spaces), so a
/// match never spans two fields. It is the FTS5 trigram match only where <c>upper</c> folds case as FTS5 does: so it is
/// NULL for a document with any character outside printable ASCII, and the walk asks FTS5 about those. SQLite's alone,
/// outside the EF model, as <see cref="SqliteSearchSortKeys"/>. A short search's word-prefix match is tested the same way on
/// <see cref="WordsColumn"/>.
/// </summary>
public static class SqliteSearchHaystack
{
    public const string Column = "Haystack";

    /// <summary>
    /// The same text with every character that is not a letter or digit made a space, after a leading space: where FTS5's
    /// word tokenizer (unicode61) splits words, for printable ASCII. A word starts with the typed letters exactly where a
    /// space and those letters occur in it, so a short search (the word-prefix path) can walk with <c>instr</c> too.
    /// </summary>
    public const string WordsColumn = "Words";

    private const string Documents = SearchTriggers.DocumentsTable;

    private static readonly string[] Fields = ["\"Name\"", "\"Email\"", "ifnull(\"PhoneDigits\", '')", "ifnull(\"BirthDate\", '')", "ifnull(\"Providers\", '')", "ifnull(\"Medications\", '')"];

    /// <summary>
    /// Whether <c>instr</c> on the columns finds exactly what the FTS5 query of <paramref name="terms"/> finds: a short
    /// search's word start (on <see cref="WordsColumn"/>), or a longer search's text alone (no phone-digits alternative,
    /// no document check; on <see cref="Column"/>), in printable ASCII, where SQLite's <c>upper</c> and FTS5's case
    /// folding agree.
    /// </summary>
    internal static bool Covers(SearchTerms terms) =>
        (terms.IsShort ? terms.WordPrefix.Length > 0 : !terms.NeedsDocumentCheck && (terms.Digits is null || terms.Digits == terms.Text))
        && terms.Text.All(c => c is >= ' ' and <= '~');

    /// <summary>What a short search's walk looks for in <see cref="WordsColumn"/>: a space, then the letters and digits typed.</summary>
    internal static string WordStart(SearchTerms terms) => " " + terms.WordPrefix;

    /// <summary>Migration <c>SearchWords</c>: <see cref="WordsColumn"/>, and the sort-name index holding it as well.</summary>
    public static void CreateWords(MigrationBuilder migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        foreach (var (name, expression) in WordSteps())
        {
            migration.Sql($"ALTER TABLE \"{Documents}\" ADD COLUMN \"{name}\" TEXT GENERATED ALWAYS AS ({expression}) VIRTUAL;");
        }

        SortNameIndex(migration, "Name", Column, WordsColumn);
    }

    public static void DropWords(MigrationBuilder migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        SortNameIndex(migration, "Name", Column);
        foreach (var (name, _) in WordSteps().Reverse())
        {
            migration.Sql($"ALTER TABLE \"{Documents}\" DROP COLUMN \"{name}\";");
        }
    }

    /// <summary>The sort-name partial index again, holding <paramref name="more"/> after its order (SortName, PatientId).</summary>
    private static void SortNameIndex(MigrationBuilder migration, params string[] more)
    {
        var columns = string.Join(", ", new[] { "SortName", "PatientId" }.Concat(more).Select(c => $"\"{c}\""));
        migration.Sql($"DROP INDEX IF EXISTS \"{SqliteSearchRankIndexes.SortNameIndex}\";");
        migration.Sql($"CREATE INDEX \"{SqliteSearchRankIndexes.SortNameIndex}\" ON \"{Documents}\" ({columns}) WHERE NOT \"Archived\";");
    }

    /// <summary>
    /// The separators (every printable ASCII character but letters, digits and the space, and the fields' tab) made
    /// spaces in three columns of eleven <c>replace</c>s each: SQLite before 3.46 cannot parse 33 nested in one expression
    /// ("parser stack overflow"), and a schema it cannot parse makes the whole database unreadable to it (the sqlite3
    /// shell of Debian 12 among them). The first two columns are steps; the index holds the last.
    /// </summary>
    private static IEnumerable<(string Name, string Expression)> WordSteps()
    {
        var separators = Enumerable.Range('!', '~' - '!' + 1).Select(c => (char)c).Where(c => !char.IsAsciiLetterOrDigit(c))
            .Select(c => c == '\'' ? "''''" : $"'{c}'").Append("char(9)").Chunk(11).ToList();
        var previous = Column;
        for (var step = 0; step < separators.Count; step++)
        {
            var last = step == separators.Count - 1;
            var name = last ? WordsColumn : $"{WordsColumn}Step{step + 1}";
            var replaced = separators[step].Aggregate($"\"{previous}\"", (text, separator) => $"replace({text}, {separator}, ' ')");
            yield return (name, last ? $"' ' || {replaced}" : replaced);
            previous = name;
        }
    }

    public static void Create(MigrationBuilder migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        var all = string.Join(" || ", Fields);
        var separated = string.Join(" || char(9) || ", Fields);
        migration.Sql($"""
            ALTER TABLE "{Documents}" ADD COLUMN "{Column}" TEXT GENERATED ALWAYS AS (
                CASE WHEN ({all}) GLOB '*[^ -~]*' THEN NULL ELSE upper({separated}) END) VIRTUAL;
            """);
        // The walk reads the index alone: its order, the name (rank 1 is left out by it) and the text.
        SortNameIndex(migration, "Name", Column);
    }

    public static void Drop(MigrationBuilder migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        SortNameIndex(migration);
        migration.Sql($"ALTER TABLE \"{Documents}\" DROP COLUMN \"{Column}\";");
    }
}
