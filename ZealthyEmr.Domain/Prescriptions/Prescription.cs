using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Medications;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Prescriptions;

/// <summary>Upcoming refill dates are computed by <see cref="RefillCalculator"/>, never stored.</summary>
public sealed class Prescription : AuditedEntity
{
    public Guid PatientId { get; set; }

    public Patient? Patient { get; set; }

    public Guid MedicationId { get; set; }

    public Medication? Medication { get; set; }

    public required string Dosage { get; set; }

    public int Quantity { get; set; }

    public DateOnly FirstRefill { get; set; }

    public RefillSchedule Schedule { get; set; }

    public DateOnly? EndDate { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Set instead of deleting: the prescription was a mistake. It stays on record, inactive.</summary>
    public DateTime? EnteredInErrorUtc { get; set; }
}
