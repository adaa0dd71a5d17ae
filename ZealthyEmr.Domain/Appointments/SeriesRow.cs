using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Appointments;

public sealed record SeriesRow(
    Guid Id,
    Guid ProviderId,
    string Provider,
    DateTime FirstStartLocal,
    RepeatKind Repeat,
    DateOnly? EndDate,
    string? Notes,
    SeriesStatus Status,
    DateTime? NextVisitUtc,
    int UpcomingVisits,
    Guid Version,
    bool EnteredInError = false);
