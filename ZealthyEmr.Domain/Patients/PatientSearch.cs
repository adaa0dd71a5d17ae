using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Patients;

/// <summary>
/// The admin patient list. Filtering, counting, sorting and paging run in the database; the per-row
/// aggregates are a fixed handful of queries over the page's patients only, never one query per row.
/// </summary>
internal static class PatientSearch
{
    public static async Task<PatientPage> RunAsync(EmrDbContext db, PatientQuery query, ClinicCalendar calendar, CancellationToken ct)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, PatientQuery.MaxPageSize);
        var page = Math.Max(0, query.Page);
        var patientsInView = query.IncludeArchived ? db.Patients.AsNoTracking() : db.Patients.AsNoTracking().Where(p => p.ArchivedUtc == null);
        var matches = Filter(patientsInView, query.Search);

        var total = await matches.CountAsync(ct);
        var patients = await Sort(matches, query.SortBy, query.Descending)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(p => new { p.Id, p.Name, p.Email, p.DateOfBirth, p.Phone, p.Version, p.ArchivedUtc })
            .ToListAsync(ct);
        if (patients.Count == 0)
        {
            return new PatientPage([], total, page, pageSize);
        }

        var ids = patients.Select(p => p.Id).ToList();
        var now = calendar.UtcNow;
        var nextVisits = await db.Visits.AsNoTracking()
            // "<> Cancelled" repeats the partial index's filter so SQLite can use (PatientId, StartUtc) for it.
            .Where(v => ids.Contains(v.PatientId) && v.Status != VisitStatus.Cancelled && v.Status == VisitStatus.Scheduled && v.StartUtc >= now)
            .GroupBy(v => v.PatientId)
            .Select(g => g.OrderBy(v => v.StartUtc).Select(v => new { v.PatientId, v.StartUtc, Provider = v.Provider!.Name }).First())
            .ToDictionaryAsync(v => v.PatientId, ct);
        var activeSeries = await db.AppointmentSeries.AsNoTracking()
            .Where(s => ids.Contains(s.PatientId))
            .Where(SeriesActivity.IsActiveRecurring(now, calendar.Today))
            .GroupBy(s => s.PatientId)
            .Select(g => new { PatientId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.PatientId, g => g.Count, ct);
        var prescriptions = (await db.Prescriptions.AsNoTracking()
            .Where(p => ids.Contains(p.PatientId) && p.IsActive)
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
                NextRefill(p.Id), activeSeries.GetValueOrDefault(p.Id), prescriptions[p.Id].Count(), p.Version, p.ArchivedUtc != null);
        });
        return new PatientPage([.. rows], total, page, pageSize);
    }

    /// <summary>Matches against the upper-invariant columns so the comparison is case-insensitive on every provider and can use their indexes.</summary>
    private static IQueryable<Patient> Filter(IQueryable<Patient> patients, string? search)
    {
        var term = search?.Trim().ToUpperInvariant();
        return string.IsNullOrEmpty(term)
            ? patients
            : patients.Where(p => p.NormalizedName.Contains(term) || p.NormalizedEmail.Contains(term));
    }

    // Id breaks ties so that paging is stable when several patients share a name.
    private static IQueryable<Patient> Sort(IQueryable<Patient> patients, PatientSort sort, bool descending) => (sort, descending) switch
    {
        (PatientSort.Email, false) => patients.OrderBy(p => p.NormalizedEmail).ThenBy(p => p.Id),
        (PatientSort.Email, true) => patients.OrderByDescending(p => p.NormalizedEmail).ThenByDescending(p => p.Id),
        (PatientSort.CreatedUtc, false) => patients.OrderBy(p => p.CreatedUtc).ThenBy(p => p.Id),
        (PatientSort.CreatedUtc, true) => patients.OrderByDescending(p => p.CreatedUtc).ThenByDescending(p => p.Id),
        (_, false) => patients.OrderBy(p => p.NormalizedName).ThenBy(p => p.Id),
        (_, true) => patients.OrderByDescending(p => p.NormalizedName).ThenByDescending(p => p.Id),
    };
}
