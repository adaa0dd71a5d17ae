using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Prescriptions;

public sealed record PrescriptionInput(Guid MedicationId, string Dosage, int Quantity, DateOnly FirstRefill, RefillSchedule Schedule, DateOnly? EndDate = null);
