using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Search;

namespace ZealthyEmr.Tests.Integration.Search;

/// <summary>
/// The search over the generator's 2,000 patients, written by raw SQL inserts: the triggers must have indexed them,
/// and every query's full result is compared with the same rules applied in memory.
/// </summary>
public sealed class GeneratedClinicSearchTests(GeneratedClinicFixture fixture) : IClassFixture<GeneratedClinicFixture>
{
    private IPatientSearch Search => fixture.App.Services.GetRequiredService<IPatientSearch>();

    [Fact]
    public async Task Generator_RawInserts_LeaveTheIndexMatchingTheRecords()
    {
        await using var db = await fixture.CreateDbContextAsync();

        await SearchIndexAssert.IndexMatchesRecordsAsync(db);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("last name")]
    [InlineData("email")]
    [InlineData("provider")]
    [InlineData("medication")]
    public async Task Search_PartOfAField_FindsExactlyThePatientsContainingIt(string field)
    {
        var model = await ModelAsync();
        var patient = model.Entries.First(e => e.Medications.Length > 0 && e.Providers.Length > 0 && e.Email.StartsWith("GEN0012", StringComparison.Ordinal));
        var text = field switch
        {
            "name" => patient.Name[1..5].ToLowerInvariant(),
            "last name" => patient.Name[(patient.Name.IndexOf(' ', StringComparison.Ordinal) + 1)..],
            "email" => patient.Email[..7].ToLowerInvariant(),
            "provider" => patient.Providers[0][3..],
            _ => patient.Medications[0][..5].ToLowerInvariant(),
        };

        var found = await SearchIndexAssert.IdsAsync(Search, text);

        Assert.Contains(patient.Id, found);
        Assert.Equal(model.Containing(text).Order(), found.Order());
    }

    [Fact]
    public async Task Search_PhoneWithoutCountryCodeOrSpaces_FindsByDigits()
    {
        var model = await ModelAsync();
        var patient = model.Entries.First(e => e.PhoneDigits.EndsWith("0123", StringComparison.Ordinal));

        foreach (var text in new[] { "555 0123", "5550123", "555-0123", "(555) 0123" })
        {
            var found = await SearchIndexAssert.IdsAsync(Search, text);

            Assert.Equal(patient.Id, found[0]);
            Assert.Equal(model.Containing(text, digits: "5550123").Order(), found.Order());
        }
    }

    [Theory]
    [InlineData("4440123", "4440123")]
    [InlineData("444 0123", "4440123")]
    [InlineData("9991999", "9991999")]
    [InlineData("999-1999", "9991999")]
    public async Task Search_LongerDigits_FindOnlyThePatientsHoldingThemAll_NotJustTheirLastFour(string text, string digits)
    {
        var model = await ModelAsync();

        var found = await SearchIndexAssert.IdsAsync(Search, text);

        Assert.NotEqual(model.Containing(digits[^4..]).Count, found.Count);
        Assert.Equal(model.Containing(text, digits).Order(), found.Order());
    }

    [Fact]
    public async Task Search_DateOfBirth_InClinicShortDateOrIso_FindsThePatientsBornThatDay()
    {
        var model = await ModelAsync();
        var patient = model.Entries.First(e => e.BirthDate.Length > 0 && e.Email.StartsWith("GEN0007", StringComparison.Ordinal));
        var born = DateOnly.ParseExact(patient.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        var local = await SearchIndexAssert.IdsAsync(Search, born.ToString("M/d/yyyy", CultureInfo.InvariantCulture));
        var padded = await SearchIndexAssert.IdsAsync(Search, born.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture));
        var iso = await SearchIndexAssert.IdsAsync(Search, patient.BirthDate);

        Assert.Contains(patient.Id, iso);
        Assert.Equal(model.Containing(patient.BirthDate, isoDate: patient.BirthDate).Order(), iso.Order());
        Assert.Equal(iso.Order(), local.Order());
        Assert.Equal(iso.Order(), padded.Order());
    }

    [Theory]
    [InlineData("av")]
    [InlineData("Zh")]
    [InlineData("q")]
    [InlineData("19")]
    public async Task Search_OneOrTwoCharacters_FindsEveryPatientWithAWordStartingSo(string text)
    {
        var model = await ModelAsync();

        var found = await SearchIndexAssert.IdsAsync(Search, text);

        Assert.NotEmpty(found);
        Assert.Equal(model.WithWordStarting(text).Order(), found.Order());
    }

    [Fact]
    public async Task Search_NamePrefix_RanksNamesStartingWithTheTextBeforeOtherMatches()
    {
        var model = await ModelAsync();
        const string text = "ava";

        var rows = await SearchIndexAssert.AllMatchesAsync(Search, text);

        var prefixed = rows.TakeWhile(r => r.Name.StartsWith(text, StringComparison.OrdinalIgnoreCase)).ToList();
        var others = rows.Skip(prefixed.Count).ToList();
        Assert.NotEmpty(prefixed);
        Assert.NotEmpty(others);
        Assert.DoesNotContain(others, r => r.Name.StartsWith(text, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(prefixed.Select(r => r.Name.ToUpperInvariant()).Order(StringComparer.Ordinal), prefixed.Select(r => r.Name.ToUpperInvariant()));
        Assert.Equal(model.Containing(text).Order(), rows.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task Search_ExactEmail_ComesFirst()
    {
        var model = await ModelAsync();
        var patient = model.Entries.First(e => e.Email.StartsWith("GEN000042", StringComparison.Ordinal));

        var page = await Search.SearchAsync(new PatientQuery(Search: patient.Email.ToLowerInvariant()));

        Assert.Equal(patient.Id, page.Rows[0].Id);
    }

    [Fact]
    public async Task Suggest_GivesTheBestFewMatchesForAPicker()
    {
        var suggestions = await Search.SuggestAsync("ava", limit: 5);
        var firstPage = await Search.SearchAsync(new PatientQuery(PageSize: 5, Search: "ava"));

        Assert.Equal(5, suggestions.Count);
        Assert.Equal(firstPage.Rows.Select(r => r.Id), suggestions.Select(s => s.Id));
        Assert.All(suggestions, s => Assert.StartsWith("Ava ", s.Name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ava")]
    public async Task PageWithRecords_RowsSayWhatTheListsOwnAggregatesSay(string? text)
    {
        var query = new PatientQuery(PageSize: PatientQuery.MaxPageSize, Search: text);

        var rows = (await Search.SearchAsync(query)).Rows;
        var withRecords = await Search.SearchAsync(query with { WithRecords = true });

        Assert.Contains(rows, r => r.ActiveSeries > 0 && r.ActivePrescriptions > 0 && r.NextVisitUtc is not null && r.NextRefill is not null);
        Assert.Contains(rows, r => r.ActiveSeries == 0 && r.NextRefill is null);
        Assert.Equal(rows, withRecords.Rows);
        Assert.Equal(rows.Select(r => r.Id).Order(), withRecords.Records!.Keys.Order());
    }

    private async Task<SearchModel> ModelAsync()
    {
        await using var db = await fixture.CreateDbContextAsync();
        return await SearchModel.LoadAsync(db);
    }
}
