using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Appointments;

/// <summary>
/// The read side of appointment series: what the admin pages and the API show; changes go through <see cref="SeriesService"/>.
/// Reads are audited here, once for every caller.
/// </summary>
public sealed class SeriesQueries(IDbContextFactory<EmrDbContext> contexts, ClinicCalendar calendar, IAuditLog audit)
{
    public async Task<IReadOnlyList<SeriesRow>> ListForPatientAsync(Guid patientId, CancellationToken ct = default)
    {
        audit.RecordView(nameof(AppointmentSeries), null, patientId);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Rows(db.AppointmentSeries.Where(s => s.PatientId == patientId).OrderBy(s => s.Status).ThenBy(s => s.FirstStartLocal))
            .ToListAsync(ct);
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

    private IQueryable<SeriesRow> Rows(IQueryable<AppointmentSeries> series)
    {
        var now = calendar.UtcNow;
        return series.AsNoTracking().Select(s => new SeriesRow(
            s.Id, s.ProviderId, s.Provider!.Name, s.FirstStartLocal, s.Repeat, s.EndDate, s.Notes, s.Status,
            s.Visits.Where(v => v.Status == VisitStatus.Scheduled && v.StartUtc >= now).OrderBy(v => v.StartUtc).Select(v => (DateTime?)v.StartUtc).FirstOrDefault(),
            s.Visits.Count(v => v.Status == VisitStatus.Scheduled && v.StartUtc >= now),
            s.Version,
            s.EnteredInErrorUtc != null));
    }
}
