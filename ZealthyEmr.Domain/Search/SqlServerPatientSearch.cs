using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Patients;

namespace ZealthyEmr.Domain.Search;

/// <summary>
/// The search on SQL Server, over the gram table of <see cref="SqlServerSearchSchema"/>: documents holding every
/// trigram of a searched text are the candidates, and a LIKE on those few confirms the text is really there;
/// a query under 3 characters looks up its word-start gram ("^" + the characters) alone.
/// </summary>
public sealed class SqlServerPatientSearch(IDbContextFactory<EmrDbContext> contexts, ClinicCalendar calendar, IOptions<SearchOptions> options)
    : IPatientSearch, RankedSearch.IMatcher
{
    private const string AllColumns = "d.[Name] LIKE @like ESCAPE N'\\' OR d.[Email] LIKE @like ESCAPE N'\\' OR d.[PhoneDigits] LIKE @like ESCAPE N'\\' " +
        "OR d.[BirthDate] LIKE @like ESCAPE N'\\' OR UPPER(d.[Providers]) LIKE @like ESCAPE N'\\' OR UPPER(d.[Medications]) LIKE @like ESCAPE N'\\'";

    private readonly CultureInfo culture = CultureInfo.GetCultureInfo(options.Value.Culture);

    public async Task<PatientPage> SearchAsync(PatientQuery query, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await RankedSearch.PageAsync(db, this, query, SearchTerms.Parse(query.Search, culture), calendar, ct);
    }

    public async Task<IReadOnlyList<PatientMatch>> SuggestAsync(string? text, int limit = 10, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await RankedSearch.SuggestAsync(db, this, SearchTerms.Parse(text, culture), limit, ct);
    }

    async Task<int> RankedSearch.IMatcher.CountAsync(EmrDbContext db, SearchTerms terms, bool includeArchived, CancellationToken ct)
    {
        var query = new Query();
        if (Where(terms, includeArchived, query) is not { } where)
        {
            return 0;
        }

        return await db.Database.SqlQuery<int>(query.Build($"SELECT COUNT(*) AS [Value] FROM [{SearchTriggers.DocumentsTable}] d WHERE {where}")).SingleAsync(ct);
    }

    Task<int> RankedSearch.IMatcher.CountAllAsync(EmrDbContext db, bool includeArchived, CancellationToken ct) => PatientSearch.CountAsync(db, includeArchived, ct);

    async Task<List<Guid>> RankedSearch.IMatcher.FindAsync(EmrDbContext db, SearchTerms terms, PatientQuery page, int? matches, CancellationToken ct)
    {
        var query = new Query();
        if (Where(terms, page.IncludeArchived, query) is not { } where)
        {
            return [];
        }

        var direction = page.Descending ? "DESC" : "ASC";
        var order = page.SortBy switch
        {
            PatientSort.Email => $"d.[Email] {direction}",
            PatientSort.CreatedUtc => $"(SELECT p.[CreatedUtc] FROM [Patients] p WHERE p.[Id] = d.[PatientId]) {direction}",
            _ => $"(SELECT p.[SortName] FROM [Patients] p WHERE p.[Id] = d.[PatientId]) {direction}",
        };
        var upper = query.Add(terms.Upper);
        var digits = query.Add(terms.Digits ?? "");
        var sql = $"""
            SELECT d.[PatientId] AS [Value] FROM [{SearchTriggers.DocumentsTable}] d
            WHERE {where}
            ORDER BY CASE
                WHEN d.[Email] = {upper} OR d.[PhoneDigits] = {digits} OR (LEN({digits}) >= 7 AND RIGHT(d.[PhoneDigits], LEN({digits})) = {digits}) THEN 0
                WHEN LEFT(d.[Name], LEN({upper})) = {upper} THEN 1
                ELSE 2 END,
                {order}, d.[PatientId] {direction}
            OFFSET {query.Add(page.Page * page.PageSize)} ROWS FETCH NEXT {query.Add(page.PageSize)} ROWS ONLY
            """;
        return await db.Database.SqlQuery<Guid>(query.Build(sql)).ToListAsync(ct);
    }

    /// <summary>The documents that match, or null when the text has nothing searchable.</summary>
    private static string? Where(SearchTerms terms, bool includeArchived, Query query) =>
        Matching(terms, query) is { } matching ? (includeArchived ? matching : $"d.[Archived] = 0 AND ({matching})") : null;

    private static string? Matching(SearchTerms terms, Query query)
    {
        if (terms.IsShort)
        {
            return terms.WordPrefix.Length == 0 ? null
                : $"d.[Id] IN (SELECT g.[DocumentId] FROM [{SqlServerSearchSchema.GramTable}] g WHERE g.[Gram] = {query.Add("^" + terms.WordPrefix)})";
        }

        var any = new List<string> { Contains(terms.Upper, AllColumns, query) };
        if (terms.Digits is { } digits)
        {
            any.Add(Contains(digits, "d.[PhoneDigits] LIKE @like ESCAPE N'\\'", query));
        }

        if (terms.IsoBirthDate is { } date)
        {
            any.Add(Contains(date, "d.[BirthDate] LIKE @like ESCAPE N'\\'", query));
        }

        return string.Join(" OR ", any);
    }

    /// <summary>Documents holding every trigram of <paramref name="text"/> (the index), confirmed by a LIKE on <paramref name="columns"/>.</summary>
    private static string Contains(string text, string columns, Query query)
    {
        var grams = Enumerable.Range(0, text.Length - SearchTerms.TrigramLength + 1).Select(i => text.Substring(i, SearchTerms.TrigramLength)).Distinct(StringComparer.Ordinal).ToList();
        var like = query.Add("%" + EscapeLike(text) + "%");
        return $"""
            (d.[Id] IN (SELECT g.[DocumentId] FROM [{SqlServerSearchSchema.GramTable}] g WHERE g.[Gram] IN ({string.Join(", ", grams.Select(query.Add))})
                GROUP BY g.[DocumentId] HAVING COUNT(*) = {grams.Count})
            AND ({columns.Replace("@like", like, StringComparison.Ordinal)}))
            """;
    }

    private static string EscapeLike(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '%' or '_' or '[')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>SQL with its values as numbered parameters, never as text.</summary>
    private sealed class Query
    {
        private readonly List<object> values = [];

        public string Add(object value)
        {
            values.Add(value);
            return $"{{{values.Count - 1}}}";
        }

        public FormattableString Build(string sql) => FormattableStringFactory.Create(sql, [.. values]);
    }
}
