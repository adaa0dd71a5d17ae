using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Domain.Sessions;

namespace ZealthyEmr.Domain.Patients;

/// <summary>
/// What a patient's portal shows. Pages resolve the patient from the signed-in identity
/// (<see cref="FindPatientIdAsync"/>), never from an id the client sends. Each public read records one audit
/// View (buffered, so the page does not wait on it) for whichever channel called it: portal pages, the API, the .ics feed.
/// </summary>
public sealed class PatientPortalService(IDbContextFactory<EmrDbContext> contexts, ClinicCalendar calendar, IAuditLog audit)
{
    public async Task<Guid?> FindPatientIdAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }

        // Set by the server's token check from the database in the same request (SessionValidator.FindTokenUserAsync).
        if (Guid.TryParse(user.FindFirstValue(SessionClaims.PatientId), out var known))
        {
            return known;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Patients.Where(p => p.UserId == userId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<PatientProfile?> GetProfileAsync(Guid patientId, CancellationToken ct = default)
    {
        audit.RecordView("PatientProfile", patientId.ToString(), patientId);
        return await LoadProfileAsync(patientId, ct);
    }

    public async Task<PatientDashboard?> GetDashboardAsync(Guid patientId, CancellationToken ct = default)
    {
        audit.RecordView(nameof(PatientDashboard), patientId.ToString(), patientId);
        var profile = await LoadProfileAsync(patientId, ct);
        if (profile is null)
        {
            return null;
        }

        var visits = await LoadUpcomingVisitsAsync(patientId, calendar.UtcNow.AddDays(7), ct);
        var refills = (await LoadPrescriptionSchedulesAsync(patientId, calendar.Today.AddDays(7), ct))
            .SelectMany(p => p.RefillDates.Select(d => new RefillDue(p.PrescriptionId, p.Medication, p.Dosage, p.Quantity, d)))
            .OrderBy(r => r.Date).ThenBy(r => r.Medication)
            .ToList();
        return new PatientDashboard(profile, visits, refills);
    }

    /// <summary>Scheduled visits from now until <paramref name="untilUtc"/>, every series already expanded into rows.</summary>
    public async Task<IReadOnlyList<PatientVisit>> GetUpcomingVisitsAsync(Guid patientId, DateTime untilUtc, CancellationToken ct = default)
    {
        audit.RecordView("AppointmentSchedule", patientId.ToString(), patientId);
        return await LoadUpcomingVisitsAsync(patientId, untilUtc, ct);
    }

    /// <summary>Active prescriptions with their refill dates from today through <paramref name="until"/>, computed, not stored.</summary>
    public async Task<IReadOnlyList<PrescriptionSchedule>> GetPrescriptionSchedulesAsync(Guid patientId, DateOnly until, CancellationToken ct = default)
    {
        audit.RecordView(nameof(PrescriptionSchedule), patientId.ToString(), patientId);
        return await LoadPrescriptionSchedulesAsync(patientId, until, ct);
    }

    private async Task<PatientProfile?> LoadProfileAsync(Guid patientId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Patients.AsNoTracking()
            .Where(p => p.Id == patientId)
            .Select(p => new PatientProfile(p.Id, p.Name, p.Email, p.DateOfBirth, p.Phone))
            .FirstOrDefaultAsync(ct);
    }

    private async Task<IReadOnlyList<PatientVisit>> LoadUpcomingVisitsAsync(Guid patientId, DateTime untilUtc, CancellationToken ct)
    {
        var now = calendar.UtcNow;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Visits.AsNoTracking()
            // "<> Cancelled" repeats the partial index's filter so SQLite can use (PatientId, StartUtc) for it.
            .Where(v => v.PatientId == patientId && v.Status != VisitStatus.Cancelled && v.Status == VisitStatus.Scheduled && v.StartUtc >= now && v.StartUtc < untilUtc)
            .OrderBy(v => v.StartUtc)
            .Select(v => new PatientVisit(v.Id, v.SeriesId, v.ProviderId, v.Provider!.Name, v.Provider.Specialty, v.StartUtc, v.Series!.Repeat, v.Reason))
            .ToListAsync(ct);
    }

    private async Task<IReadOnlyList<PrescriptionSchedule>> LoadPrescriptionSchedulesAsync(Guid patientId, DateOnly until, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Prescriptions.AsNoTracking()
            .Where(p => p.PatientId == patientId && p.IsActive)
            .Select(p => new { p.Id, Medication = p.Medication!.Name, p.Dosage, p.Quantity, p.Schedule, p.FirstRefill, p.EndDate })
            .ToListAsync(ct);

        var today = calendar.Today;
        return [.. rows
            .Select(p => new PrescriptionSchedule(p.Id, p.Medication, p.Dosage, p.Quantity, p.Schedule, p.EndDate,
                [.. RefillCalculator.Upcoming(p.FirstRefill, p.Schedule, p.EndDate, today, until)]))
            .OrderBy(p => p.Medication)];
    }
}
