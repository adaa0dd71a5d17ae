namespace ZealthyEmr.Domain.Patients;

/// <summary>A patient's own fields as a list row starts from.</summary>
internal sealed record PatientFields(Guid Id, string Name, string Email, DateOnly? DateOfBirth, string? Phone, Guid Version, bool Archived);
