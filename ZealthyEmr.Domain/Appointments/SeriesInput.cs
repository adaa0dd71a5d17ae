using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Appointments;

/// <summary><see cref="FirstStartLocal"/> is clinic wall-clock time; <see cref="EndDate"/> is an inclusive clinic-local date.</summary>
public sealed record SeriesInput(Guid PatientId, Guid ProviderId, DateTime FirstStartLocal, RepeatKind Repeat, DateOnly? EndDate = null, string? Notes = null);
