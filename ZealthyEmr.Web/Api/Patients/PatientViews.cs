using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Prescriptions;
using ZealthyEmr.Web.Api.Appointments;
using ZealthyEmr.Web.Api.Prescriptions;
using ZealthyEmr.Web.Api.Common;
using ZealthyEmr.Web.Api.Legacy;

namespace ZealthyEmr.Web.Api.Patients;

/// <summary>Assembles the contract's patient shapes from the admin services' reads.</summary>
public sealed class PatientViews(PatientAdminService patients, SeriesQueries series, PrescriptionService prescriptions, ClinicCalendar calendar)
{
    public async Task<PatientDto?> GetAsync(Guid id, CancellationToken ct)
    {
        var details = await patients.GetAsync(id, ct);
        if (details is null)
        {
            return null;
        }

        var appointments = (await series.ListForPatientAsync(id, ct)).Select(s => s.ToDto(calendar)).ToList();
        var scripts = (await prescriptions.ListForPatientAsync(id, ct)).Select(p => p.ToDto()).ToList();
        var next = NextAppointmentDto.From(appointments);
        return new PatientDto(details.Id, details.Name, details.Email, appointments.Count(a => a.IsActive), scripts.Count(p => p.IsActive),
            next, next?.Datetime, details.DateOfBirth, details.Phone, details.Version, appointments, scripts, details.ArchivedUtc is not null);
    }

    /// <summary>
    /// A page of list rows with their appointments and prescriptions, as the original contract's bare patient list
    /// has them; the page must have been asked <see cref="PatientQuery.WithRecords"/> (two queries for the whole page).
    /// </summary>
    public List<PatientDto> ToDtosWithRecords(PatientPage page)
    {
        var records = page.Records ?? throw new ArgumentException("The page was not asked with its records.", nameof(page));
        return [.. page.Rows.Select(row =>
        {
            var visits = records[row.Id].Appointments.Select(s => s.ToDto(calendar)).ToList();
            return ToDto(row) with { NextAppointment = NextAppointmentDto.From(visits), Appointments = visits, Prescriptions = [.. records[row.Id].Prescriptions.Select(p => p.ToDto())] };
        })];
    }

    public PatientDto ToDto(PatientRow row) => new(
        row.Id, row.Name, row.Email, row.ActiveSeries, row.ActivePrescriptions, null, ApiTime.Out(calendar, row.NextVisitUtc), row.DateOfBirth, row.Phone, row.Version, Archived: row.Archived);

    public DashboardDto ToDto(PatientDashboard dashboard) => new(
        dashboard.Profile.Id,
        dashboard.Profile.Name,
        dashboard.Profile.Email,
        [.. dashboard.Visits.Select(v => new DashboardVisitDto(v.VisitId, v.SeriesId, v.ProviderName, v.ProviderId, v.Specialty, calendar.ToOffset(v.StartUtc), ApiEnums.Name(v.Repeat)))],
        [.. dashboard.Refills.Select(r => new DashboardRefillDto(r.PrescriptionId, r.Medication, r.Dosage, r.Quantity, r.Date))]);
}
