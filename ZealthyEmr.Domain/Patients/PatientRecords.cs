using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Prescriptions;

namespace ZealthyEmr.Domain.Patients;

/// <summary>A listed patient's appointments (active first) and prescriptions, for a page asked <see cref="PatientQuery.WithRecords"/>.</summary>
public sealed record PatientRecords(IReadOnlyList<SeriesRow> Appointments, IReadOnlyList<PrescriptionRow> Prescriptions);
