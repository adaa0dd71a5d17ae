using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Providers;

namespace ZealthyEmr.Domain.Appointments;

/// <summary>
/// One occurrence of a series, stored as its own row so that the database's filtered unique indexes on
/// (ProviderId, StartUtc) and (PatientId, StartUtc) can refuse a double booking even if a lock fails.
/// </summary>
public sealed class Visit : AuditedEntity
{
    public Guid SeriesId { get; set; }

    public AppointmentSeries? Series { get; set; }

    public Guid PatientId { get; set; }

    public Patient? Patient { get; set; }

    public Guid ProviderId { get; set; }

    public Provider? Provider { get; set; }

    public DateTime StartUtc { get; set; }

    /// <summary>The slot the series rule produced; stays put when the visit is moved, so re-expansion never duplicates it.</summary>
    public DateTime OccurrenceUtc { get; set; }

    public VisitStatus Status { get; set; }

    /// <summary>Why the patient comes, as they or the front desk wrote it; shown to staff on the board.</summary>
    public string? Reason { get; set; }

    public DateTime? CheckedInUtc { get; set; }

    public DateTime? CancelledUtc { get; set; }

    /// <summary>Who cancelled: the signed-in user's name, or a note such as "series ended" for bulk changes.</summary>
    public string? CancelledBy { get; set; }

    public string? CancelReason { get; set; }
}
