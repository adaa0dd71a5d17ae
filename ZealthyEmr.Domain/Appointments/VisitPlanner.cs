using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Appointments;

/// <summary>Turns a series rule into the visit rows that should exist in a window.</summary>
public sealed class VisitPlanner(ClinicCalendar calendar)
{
    public IEnumerable<Visit> Plan(AppointmentSeries series, DateTime fromUtc, DateTime untilUtc) =>
        Recurrence.Expand(series.FirstStartLocal, series.Repeat, series.EndDate, calendar.Zone, fromUtc, untilUtc)
            .Select(startUtc => new Visit
            {
                SeriesId = series.Id,
                PatientId = series.PatientId,
                ProviderId = series.ProviderId,
                StartUtc = startUtc,
                OccurrenceUtc = startUtc,
                Status = VisitStatus.Scheduled,
            });

    /// <summary>The end of the rolling window in which recurring visits exist as rows.</summary>
    public DateTime HorizonUtc() => calendar.ToUtc(calendar.LocalNow.Date.AddMonths(calendar.HorizonMonths));
}
