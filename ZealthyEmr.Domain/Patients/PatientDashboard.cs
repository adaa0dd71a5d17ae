namespace ZealthyEmr.Domain.Patients;

public sealed record PatientDashboard(PatientProfile Profile, IReadOnlyList<PatientVisit> Visits, IReadOnlyList<RefillDue> Refills);
