using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Patients;

public sealed record PatientVisit(Guid VisitId, Guid SeriesId, Guid ProviderId, string ProviderName, string Specialty, DateTime StartUtc, RepeatKind Repeat, string? Reason = null);
