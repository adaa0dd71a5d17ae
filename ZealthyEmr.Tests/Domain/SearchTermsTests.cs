using System.Globalization;
using ZealthyEmr.Domain.Search;

namespace ZealthyEmr.Tests.Domain;

public sealed class SearchTermsTests
{
    private static readonly CultureInfo UnitedStates = CultureInfo.GetCultureInfo("en-US");

    [Fact]
    public void Blank_IsNoSearch() => Assert.Null(SearchTerms.Parse("  \t ", UnitedStates));

    [Fact]
    public void Spaces_AreTrimmedAndCollapsed() => Assert.Equal("grace n", SearchTerms.Parse("  grace    n ", UnitedStates)!.Text);

    [Theory]
    [InlineData("555 0100", "5550100")]
    [InlineData("+1 (555) 010-0100", "15550100100")]
    [InlineData("12", null)]
    [InlineData("ava 555", null)]
    public void PhoneLikeText_SearchesItsDigits(string text, string? digits) => Assert.Equal(digits, SearchTerms.Parse(text, UnitedStates)!.Digits);

    [Theory]
    [InlineData("12/31/1980", "1980-12-31")]
    [InlineData("1/2/1980", "1980-01-02")]
    [InlineData("1980-12-31", "1980-12-31")]
    [InlineData("31/12/1980", null)]
    [InlineData("12 10", null)]
    public void DateOfBirth_InTheCultureShortDateOrIso(string text, string? iso) => Assert.Equal(iso, SearchTerms.Parse(text, UnitedStates)!.IsoBirthDate);

    [Fact]
    public void DateOfBirth_FollowsTheConfiguredCulture() =>
        Assert.Equal("1980-12-31", SearchTerms.Parse("31/12/1980", CultureInfo.GetCultureInfo("en-GB"))!.IsoBirthDate);

    [Fact]
    public void TrigramQuery_QuotesTheTextAsOneLiteral_DoublingQuotes() =>
        Assert.Equal("\"say \"\"hi\"\" NEAR(a b) OR c*:\"", SearchTerms.Parse("say \"hi\" NEAR(a b) OR c*:", UnitedStates)!.TrigramQuery());

    [Fact]
    public void TrigramQuery_AddsThePhoneDigits_ButNotTheDateOfBirth()
    {
        Assert.Equal("\"555 0\" OR PhoneDigits : \"5550\"", SearchTerms.Parse("555 0", UnitedStates)!.TrigramQuery());
        Assert.Equal("\"12/31/1980\"", SearchTerms.Parse("12/31/1980", UnitedStates)!.TrigramQuery());
    }

    [Theory]
    [InlineData("555 0100", "\"555 0100\" OR PhoneDigits : \"0100\"", true)]
    [InlineData("5550100", "\"0100\"", true)]
    [InlineData("5550", "\"5550\"", false)]
    [InlineData("ava 5550100", "\"ava 5550100\"", false)]
    public void LongerDigits_AreLookedUpByTheirLastFour_AndCheckedOnTheDocument(string text, string query, bool check)
    {
        var terms = SearchTerms.Parse(text, UnitedStates)!;

        Assert.Equal(query, terms.TrigramQuery());
        Assert.Equal(check, terms.NeedsDocumentCheck);
    }

    [Theory]
    [InlineData("s2-065505@clinic.example", "\"s2-065505\"", true)]
    [InlineData("Olivia.Parker@gmail.com", "\"Olivia.Parker\"", true)]
    [InlineData("ab@clinic.example", "\"ab@clinic.example\"", false)]
    [InlineData("olivia@gm", "\"olivia@gm\"", false)]
    [InlineData("zoë.p@clinic.example", "\"zoë.p@clinic.example\"", false)]
    [InlineData("olivia parker", "\"olivia parker\"", false)]
    public void AnEmail_IsLookedUpByThePartBeforeTheAt_AndCheckedOnTheDocument(string text, string query, bool check)
    {
        var terms = SearchTerms.Parse(text, UnitedStates)!;

        Assert.Equal(query, terms.TrigramQuery());
        Assert.Equal(check, terms.NeedsTextCheck);
    }

    [Theory]
    [InlineData("av", true, "\"AV\"*")]
    [InlineData("o'", true, "\"O\"*")]
    [InlineData("ava", false, null)]
    public void ShortText_TakesTheWordPrefixPath(string text, bool isShort, string? query)
    {
        var terms = SearchTerms.Parse(text, UnitedStates)!;

        Assert.Equal(isShort, terms.IsShort);
        if (query is not null)
        {
            Assert.Equal(query, terms.WordPrefixQuery());
        }
    }

    [Fact]
    public void LongText_IsCutAtTheApiLimit() => Assert.Equal(SearchTerms.MaxLength, SearchTerms.Parse(new string('x', 500), UnitedStates)!.Text.Length);

    [Theory]
    [InlineData("ava", true)]
    [InlineData("Olivia P", true)]
    [InlineData("0123", true)]
    [InlineData("av", true)]
    [InlineData("a-", true)]
    [InlineData("+", false)]
    [InlineData("zë", false)]
    [InlineData("zoë", false)]
    [InlineData("5550123", false)]
    [InlineData("555 01", false)]
    public void TheIndexedText_SaysWhatTheIndexSays_OnlyForPrintableAsciiTextAlone(string text, bool covered) =>
        Assert.Equal(covered, SqliteSearchHaystack.Covers(SearchTerms.Parse(text, UnitedStates)!));
}
