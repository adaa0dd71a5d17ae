using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Patients;

public sealed record PrescriptionSchedule(Guid PrescriptionId, string Medication, string Dosage, int Quantity, RefillSchedule Schedule, DateOnly? EndDate, IReadOnlyList<DateOnly> RefillDates);
