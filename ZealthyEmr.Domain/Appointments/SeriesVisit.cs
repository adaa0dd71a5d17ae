namespace ZealthyEmr.Domain.Appointments;

public sealed record SeriesVisit(Guid Id, DateTime StartUtc, DateTime OccurrenceUtc, VisitStatus Status, Guid Version);
