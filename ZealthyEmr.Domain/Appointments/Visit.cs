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
}
