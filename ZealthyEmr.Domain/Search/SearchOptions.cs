using System.ComponentModel.DataAnnotations;

namespace ZealthyEmr.Domain.Search;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>The culture whose short date a date of birth may be typed in (besides ISO yyyy-MM-dd), e.g. 12/31/1980 for en-US.</summary>
    [Required]
    public string Culture { get; set; } = "en-US";

    /// <summary>
    /// SQLite: from this many matches spread through the name order (a family name's block of the order left out) a page
    /// in name order is read rank by rank from the sort-name index instead of ordering every match
    /// (<see cref="SqliteTieredPage"/>); either way gives the same page.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int RankWalkMinMatches { get; set; } = 1_000;

    /// <summary>
    /// SQLite: from this many matches spread through the name order the walk tests each document's own text
    /// (<see cref="SqliteSearchHaystack"/>) rather than reading every match's row id first. Reading them costs in
    /// proportion to the matches, testing in proportion to the documents walked, so it pays when matches are spread (a
    /// family name's block is left out of the count, see <see cref="SqlitePatientSearch"/>); the page is the same.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int TextWalkMinMatches { get; set; } = 1_000;

    /// <summary>
    /// SQLite: below this many matches a family name's block of the name order is counted and left out of the matches
    /// taken as spread (see <see cref="SqlitePatientSearch"/>); from it on all are taken as spread. Counting a block of
    /// 4,000 cost a search about a millisecond in the app, and at this many matches a block is unlikely to hold nearly all.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int FamilyBlockMaxMatches { get; set; } = 5_000;

    /// <summary>
    /// SQLite: how often the search's FTS5 indexes are merged into one b-tree each (<see cref="SqliteSearchIndexUpkeep"/>):
    /// every change adds segments that each query reads, until they merge. A run with nothing to merge writes nothing.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan IndexUpkeepInterval { get; set; } = TimeSpan.FromHours(1);
}
