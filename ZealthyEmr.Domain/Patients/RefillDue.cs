namespace ZealthyEmr.Domain.Patients;

public sealed record RefillDue(Guid PrescriptionId, string Medication, string Dosage, int Quantity, DateOnly Date);
