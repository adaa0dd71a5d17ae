using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Patients;

/// <summary>
/// The admin patient list's rows. Counting, sorting and paging run in the database (a search's matching and ranking
/// in the provider's <see cref="Search.IPatientSearch"/>); the per-row aggregates are a fixed handful of queries over
/// the page's patients only, never one query per row. A page's ids reach SQL as one parameter (<c>EF.Parameter</c>):
/// EF's default of one parameter per id makes it generate the SQL again at every execution, a tenth of a search
/// page's time when profiled.
/// </summary>
internal static class PatientSearch
{
    /// <summary>How many patients the page without a search lists; a provider's search may count them faster (<see cref="Search.RankedSearch.IMatcher.CountAllAsync"/>).</summary>
    public static Task<int> CountAsync(EmrDbContext db, bool includeArchived, CancellationToken ct) =>
        (includeArchived ? db.Patients : db.Patients.Where(p => p.ArchivedUtc == null)).CountAsync(ct);

    /// <summary>The page when nothing is searched: every patient (archived ones only if asked) in the chosen order; <paramref name="total"/> is their count.</summary>
    public static async Task<PatientPage> RunAsync(EmrDbContext db, PatientQuery query, int total, ClinicCalendar calendar, CancellationToken ct)
    {
        var (page, pageSize) = Paging(query);
        var patientsInView = query.IncludeArchived ? db.Patients.AsNoTracking() : db.Patients.AsNoTracking().Where(p => p.ArchivedUtc == null);
        var patients = await Sort(patientsInView, query.SortBy, query.Descending)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(p => new PatientFields(p.Id, p.Name, p.Email, p.DateOfBirth, p.Phone, p.Version, p.ArchivedUtc != null))
            .ToListAsync(ct);
        return new PatientPage(await RowsAsync(db, patients, query.WithRecords, calendar, ct), total, page, pageSize);
    }

    /// <summary>The page of a search: <paramref name="ids"/> are this page's matches in rank order.</summary>
    public static async Task<PatientPage> PageAsync(EmrDbContext db, IReadOnlyList<Guid> ids, int total, PatientQuery query, ClinicCalendar calendar, CancellationToken ct)
    {
        var (page, pageSize) = Paging(query);
        var patients = await FieldsAsync(db, ids, ct);
        return new PatientPage(await RowsAsync(db, patients, query.WithRecords, calendar, ct), total, page, pageSize);
    }

    /// <summary>The patients' own fields, in the order of <paramref name="ids"/>.</summary>
    public static async Task<IReadOnlyList<PatientFields>> FieldsAsync(EmrDbContext db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var found = await db.Patients.AsNoTracking()
            .Where(p => EF.Parameter(ids).Contains(p.Id))
            .Select(p => new PatientFields(p.Id, p.Name, p.Email, p.DateOfBirth, p.Phone, p.Version, p.ArchivedUtc != null))
            .ToDictionaryAsync(p => p.Id, ct);
        return [.. ids.Where(found.ContainsKey).Select(id => found[id])];
    }

    public static (int Page, int PageSize) Paging(PatientQuery query) =>
        (Math.Max(0, query.Page), Math.Clamp(query.PageSize, 1, PatientQuery.MaxPageSize));

    /// <param name="withRecords">
    /// The page is asked with its records, which hold everything the aggregates say (<see cref="PatientRecords.Summarize"/>):
    /// the three aggregate queries are not run, and the rows' aggregates are left empty for the records to fill.
    /// </param>
    private static async Task<IReadOnlyList<PatientRow>> RowsAsync(EmrDbContext db, IReadOnlyList<PatientFields> patients, bool withRecords, ClinicCalendar calendar, CancellationToken ct)
    {
        if (patients.Count == 0)
        {
            return [];
        }

        if (withRecords)
        {
            return [.. patients.Select(p => new PatientRow(p.Id, p.Name, p.Email, p.DateOfBirth, p.Phone, null, null, null, 0, 0, p.Version, p.Archived))];
        }

        var ids = patients.Select(p => p.Id).ToList();
        var now = calendar.UtcNow;
        var nextVisits = await db.Visits.AsNoTracking()
            // "<> Cancelled" repeats the partial index's filter so SQLite can use (PatientId, StartUtc) for it.
            .Where(v => EF.Parameter(ids).Contains(v.PatientId) && v.Status != VisitStatus.Cancelled && v.Status == VisitStatus.Scheduled && v.StartUtc >= now)
            .GroupBy(v => v.PatientId)
            .Select(g => g.OrderBy(v => v.StartUtc).Select(v => new { v.PatientId, v.StartUtc, Provider = v.Provider!.Name }).First())
            .ToDictionaryAsync(v => v.PatientId, ct);
        var activeSeries = await db.AppointmentSeries.AsNoTracking()
            .Where(s => EF.Parameter(ids).Contains(s.PatientId))
            .Where(SeriesActivity.IsActiveRecurring(now, calendar.Today))
            .GroupBy(s => s.PatientId)
            .Select(g => new { PatientId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.PatientId, g => g.Count, ct);
        var prescriptions = (await db.Prescriptions.AsNoTracking()
            .Where(p => EF.Parameter(ids).Contains(p.PatientId) && p.IsActive)
            .Select(p => new { p.PatientId, Medication = p.Medication!.Name, p.FirstRefill, p.Schedule, p.EndDate })
            .ToListAsync(ct))
            .ToLookup(p => p.PatientId);

        var today = calendar.Today;
        UpcomingRefill? NextRefill(Guid patientId) => prescriptions[patientId]
            .Select(p => RefillCalculator.Upcoming(p.FirstRefill, p.Schedule, p.EndDate, today, DateOnly.MaxValue)
                .Select(d => new UpcomingRefill(p.Medication, d))
                .FirstOrDefault())
            .Where(r => r is not null)
            .OrderBy(r => r!.Date).ThenBy(r => r!.Medication)
            .FirstOrDefault();

        var rows = patients.Select(p =>
        {
            var visit = nextVisits.GetValueOrDefault(p.Id);
            return new PatientRow(p.Id, p.Name, p.Email, p.DateOfBirth, p.Phone, visit?.StartUtc, visit?.Provider,
                NextRefill(p.Id), activeSeries.GetValueOrDefault(p.Id), prescriptions[p.Id].Count(), p.Version, p.Archived);
        });
        return [.. rows];
    }

    // Id breaks ties so that paging is stable when several patients share a name.
    private static IQueryable<Patient> Sort(IQueryable<Patient> patients, PatientSort sort, bool descending) => (sort, descending) switch
    {
        (PatientSort.Email, false) => patients.OrderBy(p => p.NormalizedEmail).ThenBy(p => p.Id),
        (PatientSort.Email, true) => patients.OrderByDescending(p => p.NormalizedEmail).ThenByDescending(p => p.Id),
        (PatientSort.CreatedUtc, false) => patients.OrderBy(p => p.CreatedUtc).ThenBy(p => p.Id),
        (PatientSort.CreatedUtc, true) => patients.OrderByDescending(p => p.CreatedUtc).ThenByDescending(p => p.Id),
        (_, false) => patients.OrderBy(p => p.SortName).ThenBy(p => p.Id),
        (_, true) => patients.OrderByDescending(p => p.SortName).ThenByDescending(p => p.Id),
    };
}
