using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Patients;

namespace ZealthyEmr.Domain.Search;

/// <summary>What both providers' searches share around their own matching and ranking.</summary>
internal static class RankedSearch
{
    public const int MaxSuggestions = 50;

    /// <summary>A provider's ranked matches: how many there are, and the ids of one page of them in order (<see cref="PatientQuery.Page"/> and size already clamped).</summary>
    public interface IMatcher
    {
        Task<int> CountAsync(EmrDbContext db, SearchTerms terms, bool includeArchived, CancellationToken ct);

        /// <param name="matches">How many matches <see cref="CountAsync"/> found, when it was asked first.</param>
        Task<List<Guid>> FindAsync(EmrDbContext db, SearchTerms terms, PatientQuery page, int? matches, CancellationToken ct);

        /// <summary>How many patients there are with no search (archived ones only if asked): the unsearched page's total.</summary>
        Task<int> CountAllAsync(EmrDbContext db, bool includeArchived, CancellationToken ct);
    }

    public static async Task<PatientPage> PageAsync(EmrDbContext db, IMatcher matcher, PatientQuery query, SearchTerms? terms, ClinicCalendar calendar, CancellationToken ct)
    {
        if (terms is null)
        {
            return await PatientSearch.RunAsync(db, query, await matcher.CountAllAsync(db, query.IncludeArchived, ct), calendar, ct);
        }

        var (page, pageSize) = PatientSearch.Paging(query);
        var total = await matcher.CountAsync(db, terms, query.IncludeArchived, ct);
        var ids = total == 0 ? [] : await matcher.FindAsync(db, terms, query with { Page = page, PageSize = pageSize }, total, ct);
        return await PatientSearch.PageAsync(db, ids, total, query, calendar, ct);
    }

    public static async Task<IReadOnlyList<PatientMatch>> SuggestAsync(EmrDbContext db, IMatcher matcher, SearchTerms? terms, int limit, CancellationToken ct)
    {
        limit = Math.Clamp(limit, 1, MaxSuggestions);
        var ids = terms is null
            ? await db.Patients.Where(p => p.ArchivedUtc == null).OrderBy(p => p.SortName).ThenBy(p => p.Id).Take(limit).Select(p => p.Id).ToListAsync(ct)
            : await matcher.FindAsync(db, terms, new PatientQuery(0, limit), null, ct);
        var fields = await PatientSearch.FieldsAsync(db, ids, ct);
        return [.. fields.Select(p => new PatientMatch(p.Id, p.Name, p.Email, p.DateOfBirth, p.Phone))];
    }
}
