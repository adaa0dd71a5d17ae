using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Prescriptions;

namespace ZealthyEmr.Domain.Patients;

/// <summary>A listed patient's appointments (active first) and prescriptions, for a page asked <see cref="PatientQuery.WithRecords"/>.</summary>
public sealed record PatientRecords(IReadOnlyList<SeriesRow> Appointments, IReadOnlyList<PrescriptionRow> Prescriptions)
{
    /// <summary>
    /// The row's aggregates as the list's own queries define them (active recurring series, active prescriptions, the
    /// next scheduled visit, the next refill), taken from these records: a page that loads the records does not also
    /// ask the database for what they already hold, and the two cannot disagree.
    /// </summary>
    public PatientRow Summarize(PatientRow row)
    {
        var next = Appointments.Where(s => s.NextVisitUtc is not null).MinBy(s => s.NextVisitUtc);
        var refill = Prescriptions.Where(p => p.IsActive && p.NextRefill is not null)
            .OrderBy(p => p.NextRefill).ThenBy(p => p.Medication).Select(p => new UpcomingRefill(p.Medication, p.NextRefill!.Value)).FirstOrDefault();
        return row with
        {
            NextVisitUtc = next?.NextVisitUtc,
            NextVisitProvider = next?.Provider,
            NextRefill = refill,
            ActiveSeries = Appointments.Count(s => s.Status == SeriesStatus.Active && s.Repeat != Scheduling.RepeatKind.None),
            ActivePrescriptions = Prescriptions.Count(p => p.IsActive),
        };
    }
}
