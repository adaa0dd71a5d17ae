using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Search;

namespace ZealthyEmr.Tests.Integration.Search;

/// <summary>Checks on the search index against the records themselves, and a search's full result across pages.</summary>
internal static class SearchIndexAssert
{
    private const string Row = "\"PatientId\" || '|' || \"Name\" || '|' || \"Email\" || '|' || coalesce(\"PhoneDigits\", '-') || '|' || " +
        "coalesce(\"BirthDate\", '-') || '|' || coalesce(\"Providers\", '-') || '|' || coalesce(\"Medications\", '-')";

    /// <summary>
    /// As a search sees it: every patient has exactly the document the records say they should (the view the triggers read), and both
    /// FTS5 indexes hold exactly the documents' text: FTS5's integrity-check against the content table fails otherwise.
    /// </summary>
    public static async Task IndexMatchesRecordsAsync(EmrDbContext db)
    {
        // What every search does first: refresh the documents that visits, series and prescriptions queued.
        await SqliteSearchQueue.CatchUpAsync(db);
        var expected = await db.Database.SqlQueryRaw<string>($"SELECT {Row} AS \"Value\" FROM \"PatientSearchSource\" ORDER BY \"PatientId\"").ToListAsync();
        var actual = await db.Database.SqlQueryRaw<string>($"SELECT {Row} AS \"Value\" FROM \"PatientSearchDocuments\" ORDER BY \"PatientId\"").ToListAsync();
        Assert.Equal(await db.Patients.CountAsync(), expected.Count);
        Assert.Equal(expected, actual);
        // The documents' copy of each patient's sort key (SqliteSearchSortKeys), which orders a search's matches.
        var unsorted = await db.Database.SqlQueryRaw<string>(
            "SELECT d.\"PatientId\" AS \"Value\" FROM \"PatientSearchDocuments\" d JOIN \"Patients\" p ON p.\"Id\" = d.\"PatientId\" WHERE d.\"SortName\" IS NOT p.\"SortName\"").ToListAsync();
        Assert.Empty(unsorted);
        foreach (var index in new[] { SqliteSearchSchema.TrigramIndex, SqliteSearchSchema.WordIndex })
        {
            // Table names are constants; FTS5 takes its commands as an insert into a column named after the table.
            var check = $"INSERT INTO \"{index}\" (\"{index}\", rank) VALUES ('integrity-check', 1)";
            await db.Database.ExecuteSqlRawAsync(check);
        }
    }

    public static async Task<PatientSearchDocument?> DocumentAsync(EmrDbContext db, Guid patientId) =>
        await db.Set<PatientSearchDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.PatientId == patientId);

    /// <summary>Every match of <paramref name="text"/>, in the order the pages give them.</summary>
    public static async Task<List<PatientRow>> AllMatchesAsync(IPatientSearch search, string text)
    {
        var rows = new List<PatientRow>();
        for (var page = 0; ; page++)
        {
            var result = await search.SearchAsync(new PatientQuery(page, PatientQuery.MaxPageSize, text));
            rows.AddRange(result.Rows);
            if (rows.Count >= result.TotalCount || result.Rows.Count == 0)
            {
                Assert.Equal(result.TotalCount, rows.Count);
                return rows;
            }
        }
    }

    public static async Task<List<Guid>> IdsAsync(IPatientSearch search, string text) =>
        [.. (await AllMatchesAsync(search, text)).Select(r => r.Id)];
}
