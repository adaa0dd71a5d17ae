namespace ZealthyEmr.Domain.Patients;

/// <summary>A patient as the admin edit form needs it; send <see cref="Version"/> back with the edit.</summary>
public sealed record PatientDetails(Guid Id, string Name, string Email, DateOnly? DateOfBirth, string? Phone, DateTime CreatedUtc, DateTime UpdatedUtc, Guid Version, DateTime? ArchivedUtc = null);
