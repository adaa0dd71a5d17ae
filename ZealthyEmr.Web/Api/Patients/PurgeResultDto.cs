namespace ZealthyEmr.Web.Api.Patients;

/// <summary>What a purge removed, by id only.</summary>
public sealed record PurgeResultDto(int Purged, IReadOnlyList<Guid> PatientIds, DateTimeOffset ArchivedBefore);
