using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Patients;

namespace ZealthyEmr.Domain.Search;

/// <summary>
/// The search on SQLite: the FTS5 trigram index for 3 characters or more, the FTS5 word index's prefix path for
/// fewer (see <see cref="SqliteSearchSchema"/>). Only the matches are ranked and sorted, never the whole table. Queued
/// documents (<see cref="SqliteSearchQueue"/>) are refreshed first, so a search always sees every committed change.
/// </summary>
public sealed class SqlitePatientSearch(IDbContextFactory<EmrDbContext> contexts, ClinicCalendar calendar, IOptions<SearchOptions> options)
    : IPatientSearch, RankedSearch.IMatcher
{
    private readonly CultureInfo culture = CultureInfo.GetCultureInfo(options.Value.Culture);

    public async Task<PatientPage> SearchAsync(PatientQuery query, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var terms = SearchTerms.Parse(query.Search, culture);
        if (terms is not null)
        {
            await SqliteSearchQueue.CatchUpAsync(db, ct);
        }

        return await RankedSearch.PageAsync(db, this, query, terms, calendar, ct);
    }

    public async Task<IReadOnlyList<PatientMatch>> SuggestAsync(string? text, int limit = 10, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var terms = SearchTerms.Parse(text, culture);
        if (terms is not null)
        {
            await SqliteSearchQueue.CatchUpAsync(db, ct);
        }

        return await RankedSearch.SuggestAsync(db, this, terms, limit, ct);
    }

    async Task<int> RankedSearch.IMatcher.CountAsync(EmrDbContext db, SearchTerms terms, bool includeArchived, CancellationToken ct)
    {
        var (index, match) = Match(terms);
        if (match is null)
        {
            return 0;
        }

        var sql = includeArchived
            ? $"SELECT count(*) AS \"Value\" FROM \"{index}\" WHERE \"{index}\" MATCH {{0}}"
            : $"SELECT count(*) AS \"Value\" FROM \"{index}\" JOIN \"{SearchTriggers.DocumentsTable}\" d ON d.\"Id\" = \"{index}\".rowid WHERE \"{index}\" MATCH {{0}} AND NOT d.\"Archived\"";
        return await db.Database.SqlQuery<int>(Sql(sql, match)).SingleAsync(ct);
    }

    async Task<List<Guid>> RankedSearch.IMatcher.FindAsync(EmrDbContext db, SearchTerms terms, PatientQuery page, CancellationToken ct)
    {
        var (index, match) = Match(terms);
        if (match is null)
        {
            return [];
        }

        var direction = page.Descending ? "DESC" : "ASC";
        var order = page.SortBy switch
        {
            PatientSort.Email => $"d.\"Email\" {direction}",
            PatientSort.CreatedUtc => $"(SELECT p.\"CreatedUtc\" FROM \"Patients\" p WHERE p.\"Id\" = d.\"PatientId\") {direction}",
            _ => $"(SELECT p.\"SortName\" FROM \"Patients\" p WHERE p.\"Id\" = d.\"PatientId\") {direction}",
        };
        // Rank 0: the exact email, or the phone's digits (or their end, for 7+ digits typed without the country code);
        // rank 1: the name starts with the text; rank 2: anything else that matched.
        var sql = $$"""
            SELECT d."PatientId" AS "Value"
            FROM "{{index}}" JOIN "{{SearchTriggers.DocumentsTable}}" d ON d."Id" = "{{index}}".rowid
            WHERE "{{index}}" MATCH {0}{{(page.IncludeArchived ? "" : " AND NOT d.\"Archived\"")}}
            ORDER BY CASE
                WHEN d."Email" = {1} OR d."PhoneDigits" = {2} OR (length({2}) >= 7 AND substr(d."PhoneDigits", -length({2})) = {2}) THEN 0
                WHEN substr(d."Name", 1, length({1})) = {1} THEN 1
                ELSE 2 END,
                {{order}}, d."PatientId" {{direction}}
            LIMIT {3} OFFSET {4}
            """;
        return await db.Database.SqlQuery<Guid>(Sql(sql, match, terms.Upper, terms.Digits ?? "", page.PageSize, page.Page * page.PageSize)).ToListAsync(ct);
    }

    private static (string Index, string? Match) Match(SearchTerms terms) => terms.IsShort
        ? (SqliteSearchSchema.WordIndex, terms.WordPrefix.Length == 0 ? null : terms.WordPrefixQuery())
        : (SqliteSearchSchema.TrigramIndex, terms.TrigramQuery());

    private static FormattableString Sql(string format, params object[] arguments) => FormattableStringFactory.Create(format, arguments);
}
