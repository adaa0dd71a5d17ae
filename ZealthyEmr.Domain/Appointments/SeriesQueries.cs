using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Appointments;

/// <summary>
/// The read side of appointment series: what the admin pages and the API show; changes go through <see cref="SeriesService"/>.
/// Reads are audited here, once for every caller.
/// </summary>
public sealed class SeriesQueries(IDbContextFactory<EmrDbContext> contexts, ClinicCalendar calendar, IAuditLog audit)
{
    /// <summary>Every appointment of the patient, single bookings included (the API's appointments), active ones first.</summary>
    public async Task<IReadOnlyList<SeriesRow>> ListForPatientAsync(Guid patientId, CancellationToken ct = default)
    {
        audit.RecordView(nameof(AppointmentSeries), null, patientId);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await Rows(db.AppointmentSeries.Where(s => s.PatientId == patientId)).ToListAsync(ct);
        return [.. rows.OrderBy(s => s.Status).ThenBy(s => s.FirstStartLocal)];
    }

    /// <summary>
    /// <see cref="ListForPatientAsync"/> for a page of patients in one query (a list page must not read per row);
    /// every requested patient has an entry, empty when they have no appointment. Not audited here: only the patient
    /// search loads them, and it records one View per listed patient that names them (<see cref="Search.PatientListViews"/>).
    /// </summary>
    internal async Task<IReadOnlyDictionary<Guid, IReadOnlyList<SeriesRow>>> LoadForPatientsAsync(IReadOnlyCollection<Guid> patientIds, CancellationToken ct = default)
    {
        var ids = patientIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<SeriesRow>>();
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        // The ids as one parameter, so EF generates this SQL once (see Patients.PatientSearch).
        var rows = await Owned(db.AppointmentSeries.Where(s => EF.Parameter(ids).Contains(s.PatientId))).ToListAsync(ct);
        var byPatient = rows.ToLookup(r => r.PatientId, r => r.Row);
        return ids.ToDictionary(id => id, id => (IReadOnlyList<SeriesRow>)[.. byPatient[id].OrderBy(s => s.Status).ThenBy(s => s.FirstStartLocal)]);
    }

    /// <summary>The patient's recurring series only: a single booking is a visit, listed with the visits.</summary>
    public async Task<IReadOnlyList<SeriesRow>> ListRecurringForPatientAsync(Guid patientId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await Rows(db.AppointmentSeries.Where(s => s.PatientId == patientId && s.Repeat != RepeatKind.None)).ToListAsync(ct);
        return [.. rows.OrderBy(s => s.Status).ThenBy(s => s.FirstStartLocal)];
    }

    /// <summary>One series by id, for answering right after a change without reading the patient's whole list.</summary>
    public async Task<SeriesRow?> GetAsync(Guid seriesId, CancellationToken ct = default)
    {
        audit.RecordView(nameof(AppointmentSeries), seriesId.ToString(), null);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Rows(db.AppointmentSeries.Where(s => s.Id == seriesId)).FirstOrDefaultAsync(ct);
    }

    /// <summary>Null unless the series exists and belongs to that patient, so a route cannot reach another patient's series.</summary>
    public async Task<SeriesRow?> GetForPatientAsync(Guid patientId, Guid seriesId, CancellationToken ct = default)
    {
        audit.RecordView(nameof(AppointmentSeries), seriesId.ToString(), patientId);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Rows(db.AppointmentSeries.Where(s => s.Id == seriesId && s.PatientId == patientId)).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<SeriesVisit>> ListVisitsAsync(Guid seriesId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Visits.AsNoTracking()
            .Where(v => v.SeriesId == seriesId)
            .OrderBy(v => v.StartUtc)
            .Select(v => new SeriesVisit(v.Id, v.StartUtc, v.OccurrenceUtc, v.Status, v.Version))
            .ToListAsync(ct);
    }

    private IQueryable<SeriesRow> Rows(IQueryable<AppointmentSeries> series) => Owned(series).Select(o => o.Row);

    /// <summary>The rows with their patient's id, which <see cref="SeriesRow"/> does not carry.</summary>
    private IQueryable<OwnedRow> Owned(IQueryable<AppointmentSeries> series)
    {
        var now = calendar.UtcNow;
        var today = calendar.Today;
        return series.AsNoTracking().Select(s => new OwnedRow { PatientId = s.PatientId, Row = new SeriesRow(
            s.Id, s.ProviderId, s.Provider!.Name, s.FirstStartLocal, s.Repeat, s.EndDate, s.Notes,
            s.Status == SeriesStatus.Cancelled ? SeriesStatus.Cancelled
                : s.Status == SeriesStatus.Active && (s.EndDate == null || s.EndDate >= today) && s.Visits.Any(v => v.Status == VisitStatus.Scheduled && v.StartUtc >= now) ? SeriesStatus.Active
                : SeriesStatus.Ended,
            s.Visits.Where(v => v.Status == VisitStatus.Scheduled && v.StartUtc >= now).OrderBy(v => v.StartUtc).Select(v => (DateTime?)v.StartUtc).FirstOrDefault(),
            s.Visits.Count(v => v.Status == VisitStatus.Scheduled && v.StartUtc >= now),
            s.Version,
            s.EnteredInErrorUtc != null) });
    }

    private sealed class OwnedRow
    {
        public Guid PatientId { get; init; }

        public required SeriesRow Row { get; init; }
    }
}
