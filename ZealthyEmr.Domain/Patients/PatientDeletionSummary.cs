namespace ZealthyEmr.Domain.Patients;

/// <summary>What archiving a patient keeps on record, for the confirmation text.</summary>
public sealed record PatientDeletionSummary(Guid PatientId, string Name, string Email, int Series, int Visits, int Prescriptions, bool Login, int UpcomingVisits);
