using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Appointments;

/// <summary>
/// Re-plans a series from <see cref="From"/> (a clinic date, today or later) on: its first re-planned visit is on
/// that date at <see cref="Time"/> with <see cref="ProviderId"/>, repeating by <see cref="Repeat"/> until
/// <see cref="EndDate"/> (inclusive, optional). <see cref="Version"/> refuses a stale edit.
/// </summary>
public sealed record SeriesChange(DateOnly From, Guid ProviderId, TimeOnly Time, RepeatKind Repeat, DateOnly? EndDate, Guid Version);
