using System.ComponentModel.DataAnnotations;

namespace ZealthyEmr.Domain.Search;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>The culture whose short date a date of birth may be typed in (besides ISO yyyy-MM-dd), e.g. 12/31/1980 for en-US.</summary>
    [Required]
    public string Culture { get; set; } = "en-US";

    /// <summary>
    /// SQLite: from this many matches a page in name order is read rank by rank from the sort-name index instead of
    /// ordering every match (<see cref="SqliteTieredPage"/>); either way gives the same page.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int RankWalkMinMatches { get; set; } = 1_000;

    /// <summary>
    /// SQLite: from this many matches the walk tests each document's own text (<see cref="SqliteSearchHaystack"/>) rather
    /// than reading every match's row id first. Reading them costs in proportion to the matches, testing in proportion to
    /// the documents walked, so only common text (matches spread through the name order) is worth it; the page is the same.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int TextWalkMinMatches { get; set; } = 5_000;
}
