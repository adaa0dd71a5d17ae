namespace ZealthyEmr.Web.Api.Patients;

/// <summary>Send <see cref="Version"/> from the read to refuse an edit made on stale data; without it the latest version is edited.</summary>
public sealed record PatientUpdateRequest(string? Name, string? Email, DateOnly? DateOfBirth, string? Phone, Guid? Version);
