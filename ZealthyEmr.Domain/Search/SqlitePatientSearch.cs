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
    private readonly int rankWalkMinMatches = options.Value.RankWalkMinMatches;
    private readonly int textWalkMinMatches = options.Value.TextWalkMinMatches;
    private readonly int familyBlockMaxMatches = options.Value.FamilyBlockMaxMatches;

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
        if (Matches(terms) is not { } matches)
        {
            return 0;
        }

        // Text alone is counted in the FTS5 index, without reading a document; the archived matches (few, through
        // their partial index) are taken off, rather than every match's document read to see whether it is archived.
        var (index, _) = Match(terms);
        var all = terms.IsoBirthDate is null && !terms.NeedsDocumentCheck && !terms.NeedsTextCheck
            ? $"SELECT count(*) FROM \"{index}\" WHERE \"{index}\" MATCH {{0}}"
            : $"SELECT count(*) FROM \"{SearchTriggers.DocumentsTable}\" d WHERE {matches}";
        // CASE: with no archived document at all, the match's row ids are not read a second time for nothing.
        var archived = $"\"{SearchTriggers.DocumentsTable}\" d INDEXED BY \"{SqliteSearchSortKeys.ArchivedIndex}\" WHERE d.\"Archived\"";
        var sql = includeArchived ? $"SELECT ({all}) AS \"Value\""
            : $"SELECT ({all}) - CASE WHEN EXISTS (SELECT 1 FROM {archived}) THEN (SELECT count(*) FROM {archived} AND {matches}) ELSE 0 END AS \"Value\"";
        return await db.Database.SqlQuery<int>(Sql(sql, Arguments(terms))).SingleAsync(ct);
    }

    /// <summary>
    /// The documents mirror the patients one for one (their insert and delete triggers are not queued), so they count
    /// them: the documents table is small, and the archived ones have their partial index. Counting the patients not
    /// archived read all 100,000 patient rows (30 ms, most of an unsearched admin page at that size).
    /// </summary>
    async Task<int> RankedSearch.IMatcher.CountAllAsync(EmrDbContext db, bool includeArchived, CancellationToken ct)
    {
        var all = $"SELECT count(*) FROM \"{SearchTriggers.DocumentsTable}\"";
        var sql = includeArchived ? $"SELECT ({all}) AS \"Value\""
            : $"SELECT ({all}) - (SELECT count(*) FROM \"{SearchTriggers.DocumentsTable}\" INDEXED BY \"{SqliteSearchSortKeys.ArchivedIndex}\" WHERE \"Archived\") AS \"Value\"";
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync(ct);
    }

    async Task<List<Guid>> RankedSearch.IMatcher.FindAsync(EmrDbContext db, SearchTerms terms, PatientQuery page, int? count, CancellationToken ct)
    {
        if (Matches(terms) is not { } matches)
        {
            return [];
        }

        var way = await WayAsync(db, terms, page, count, ct);
        if (way != SqliteSearchWay.Ordered)
        {
            var (index, match) = Match(terms);
            var digitsOnly = terms.Digits is null ? ""
                : $"PhoneDigits : {SearchTerms.Literal(terms.NeedsDocumentCheck ? terms.Digits[^SearchTerms.DigitsWindow..] : terms.Digits)}";
            return await db.Database.SqlQuery<Guid>(Sql(SqliteTieredPage.Sql(index, terms, page.Descending, way == SqliteSearchWay.TextWalk),
                match!, terms.Upper, terms.Digits ?? "", (page.Page + 1) * page.PageSize, page.PageSize, page.Page * page.PageSize, digitsOnly,
                SqliteSearchHaystack.WordStart(terms), SearchTerms.Literal(terms.Text))).ToListAsync(ct);
        }

        var direction = page.Descending ? "DESC" : "ASC";
        var order = page.SortBy switch
        {
            PatientSort.Email => $"d.\"Email\" {direction}",
            PatientSort.CreatedUtc => $"(SELECT p.\"CreatedUtc\" FROM \"Patients\" p WHERE p.\"Id\" = d.\"PatientId\") {direction}",
            // The documents' copy of Patients.SortName (SqliteSearchSortKeys): no lookup per match.
            _ => $"d.\"SortName\" {direction}",
        };
        // Rank 0: the exact email, or the phone's digits (or their end, for 7+ digits typed without the country code);
        // rank 1: the name starts with the text; rank 2: anything else that matched.
        var sql = $$"""
            SELECT d."PatientId" AS "Value"
            FROM "{{SearchTriggers.DocumentsTable}}" d
            WHERE {{matches}}{{(page.IncludeArchived ? "" : " AND NOT d.\"Archived\"")}}
            ORDER BY CASE
                WHEN d."Email" = {2} OR d."PhoneDigits" = {3} OR (length({3}) >= 7 AND substr(d."PhoneDigits", -length({3})) = {3}) THEN 0
                WHEN substr(d."Name", 1, length({2})) = {2} THEN 1
                ELSE 2 END,
                {{order}}, d."PatientId" {{direction}}
            LIMIT {5} OFFSET {6}
            """;
        return await db.Database.SqlQuery<Guid>(Sql(sql, [.. Arguments(terms), page.PageSize, page.Page * page.PageSize])).ToListAsync(ct);
    }

    /// <summary>How a page of this search is found; every way gives the same page (<see cref="SqliteSearchWay"/>).</summary>
    internal async Task<SqliteSearchWay> WayAsync(EmrDbContext db, SearchTerms terms, PatientQuery page, int? count, CancellationToken ct)
    {
        if (terms.IsoBirthDate is not null || page.IncludeArchived || page.SortBy != PatientSort.Name
            || (count ??= await ((RankedSearch.IMatcher)this).CountAsync(db, terms, includeArchived: false, ct)) < rankWalkMinMatches)
        {
            return SqliteSearchWay.Ordered;
        }

        var spread = count < familyBlockMaxMatches ? await SpreadAsync(db, terms, count.Value, ct) : count.Value;
        return spread < rankWalkMinMatches ? SqliteSearchWay.Ordered
            : spread >= textWalkMinMatches && SqliteSearchHaystack.Covers(terms) ? SqliteSearchWay.TextWalk
            : SqliteSearchWay.RankWalk;
    }

    /// <summary>
    /// About how many of <paramref name="count"/> matches are spread through the name order, which is what makes a walk
    /// of the sort-name index find a page early. The matches of a family name ("Taylorson": 1,200 documents, one block of
    /// the order) are not: a walk reads every entry before the block (13-21 ms at 100,000 patients) where ordering the
    /// matches costs 3 ms. The patients whose sort name starts with the text are that block, counted in the patients'
    /// narrow sort-name index (4,300 entries in 0.2 ms; archived ones too, close enough for a choice of way); those left
    /// are taken as spread. Text with a space needs no count: a sort name starts with the family name, so a block of
    /// sort names starting "TAYLOR J" holds names such as "JOHN TAYLOR", which do not contain it. It decides the way to
    /// the page only, never the page.
    /// </summary>
    private static async Task<int> SpreadAsync(EmrDbContext db, SearchTerms terms, int count, CancellationToken ct)
    {
        if (terms.Upper.Contains(' ', StringComparison.Ordinal))
        {
            return count;
        }

        var sql = """SELECT count(*) AS "Value" FROM "Patients" p WHERE p."SortName" >= {0} AND p."SortName" < {0} || char(1114111)""";
        var block = await db.Database.SqlQuery<int>(Sql(sql, terms.Upper)).SingleAsync(ct);
        return Math.Max(0, count - block);
    }

    /// <summary>
    /// " AND " and the check a document found through a superset of the search must pass (<see cref="SearchTerms.NeedsDocumentCheck"/>,
    /// <see cref="SearchTerms.NeedsTextCheck"/>), or "" when the index's match is the search's. The numbers are those of the
    /// placeholders for the upper-case text, its digits and the FTS5 phrase of the whole text.
    /// </summary>
    internal static string Check(SearchTerms terms, int text, int digits, int phrase) =>
        terms.NeedsDocumentCheck ? " AND " + DocumentCheck(text, digits)
        : terms.NeedsTextCheck ? $" AND (instr(d.\"{SqliteSearchHaystack.Column}\", {{{text}}}) > 0 OR (d.\"{SqliteSearchHaystack.Column}\" IS NULL "
            + $"AND d.\"Id\" IN (SELECT rowid FROM \"{SqliteSearchSchema.TrigramIndex}\" WHERE \"{SqliteSearchSchema.TrigramIndex}\" MATCH {{{phrase}}})))"
        : "";

    /// <summary>
    /// The documents whose fields hold what <see cref="SearchTerms.NeedsDocumentCheck"/> says, as a condition on d;
    /// <paramref name="text"/> and <paramref name="digits"/> are the numbers of the placeholders for the text and its digits.
    /// </summary>
    internal static string DocumentCheck(int text, int digits) =>
        $"(instr(ifnull(d.\"PhoneDigits\", ''), {{{digits}}}) > 0 OR instr(d.\"Name\" || '|' || d.\"Email\" || '|' || ifnull(d.\"PhoneDigits\", '') || '|' || "
        + $"ifnull(d.\"BirthDate\", '') || '|' || ifnull(d.\"Providers\", '') || '|' || ifnull(d.\"Medications\", ''), {{{text}}}) > 0)";

    /// <summary>
    /// The documents that match, as a condition on d: {0} is the FTS5 query, {1} the ISO date of birth, {2} the upper-case
    /// text, {3} its digits and {4} the FTS5 phrase of the whole text. A date of birth is found through the documents'
    /// BirthDate index (one seek), the typed text through the FTS5 index (and, for longer digits and emails, checked on
    /// the document: <see cref="Check"/>).
    /// </summary>
    private static string? Matches(SearchTerms terms)
    {
        var (index, match) = Match(terms);
        var text = match is null ? null : $"d.\"Id\" IN (SELECT rowid FROM \"{index}\" WHERE \"{index}\" MATCH {{0}})"
            + Check(terms, text: 2, digits: 3, phrase: 4);
        return terms.IsoBirthDate is null ? text
            : text is null ? "d.\"BirthDate\" = {1}"
            : $"({text} OR d.\"BirthDate\" = {{1}})";
    }

    private static object[] Arguments(SearchTerms terms) => [Match(terms).Match ?? "", terms.IsoBirthDate ?? "", terms.Upper, terms.Digits ?? "", SearchTerms.Literal(terms.Text)];

    private static (string Index, string? Match) Match(SearchTerms terms) => terms.IsShort
        ? (SqliteSearchSchema.WordIndex, terms.WordPrefix.Length == 0 ? null : terms.WordPrefixQuery())
        : (SqliteSearchSchema.TrigramIndex, terms.TrigramQuery());

    private static FormattableString Sql(string format, params object[] arguments) => FormattableStringFactory.Create(format, arguments);
}
