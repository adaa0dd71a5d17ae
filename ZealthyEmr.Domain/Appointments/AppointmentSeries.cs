using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Appointments;

public sealed class AppointmentSeries : AuditedEntity
{
    public Guid PatientId { get; set; }

    public Patient? Patient { get; set; }

    public Guid ProviderId { get; set; }

    public Provider? Provider { get; set; }

    /// <summary>Clinic wall-clock time of the first visit; recurrences are expanded from it, never from UTC.</summary>
    public DateTime FirstStartLocal { get; set; }

    public RepeatKind Repeat { get; set; }

    /// <summary>Inclusive, in clinic local dates.</summary>
    public DateOnly? EndDate { get; set; }

    public string? Notes { get; set; }

    public SeriesStatus Status { get; set; }

    /// <summary>Set instead of deleting: the series was a mistake. Its future visits are cancelled, its past ones kept as history.</summary>
    public DateTime? EnteredInErrorUtc { get; set; }

    /// <summary>Visits exist as rows up to this instant; the horizon service extends it.</summary>
    public DateTime MaterializedUntilUtc { get; set; }

    public List<Visit> Visits { get; set; } = [];
}
