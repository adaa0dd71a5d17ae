namespace ZealthyEmr.Domain.Patients;

/// <summary>What deleting a patient removes (or removed), for the confirmation text.</summary>
public sealed record PatientDeletionSummary(Guid PatientId, string Name, string Email, int Series, int Visits, int Prescriptions, bool Login);
