namespace ZealthyEmr.Domain.Patients;

/// <summary>What a purge removed for good: the patients by id only, so the record of the purge holds no PHI.</summary>
public sealed record PurgeSummary(IReadOnlyList<Guid> PatientIds, DateTime ArchivedBeforeUtc);
