using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Prescriptions;

/// <summary><see cref="NextRefill"/> is computed from today on; null when no refill is left.</summary>
public sealed record PrescriptionRow(
    Guid Id,
    Guid PatientId,
    Guid MedicationId,
    string Medication,
    bool MedicationRetired,
    string Dosage,
    int Quantity,
    DateOnly FirstRefill,
    RefillSchedule Schedule,
    DateOnly? EndDate,
    bool IsActive,
    DateOnly? NextRefill,
    Guid Version,
    bool EnteredInError = false);
