namespace ZealthyEmr.Domain.Patients;

/// <summary><see cref="VisitsKept"/> counts completed visits and scheduled ones whose time has passed.</summary>
public sealed record PatientStats(int VisitsKept, int VisitsCancelled, int ActivePrescriptions);
