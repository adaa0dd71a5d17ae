using System.ComponentModel.DataAnnotations;

namespace ZealthyEmr.Domain.Search;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>The culture whose short date a date of birth may be typed in (besides ISO yyyy-MM-dd), e.g. 12/31/1980 for en-US.</summary>
    [Required]
    public string Culture { get; set; } = "en-US";
}
