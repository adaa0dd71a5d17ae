namespace ZealthyEmr.Domain.Patients;

public sealed record PatientProfile(Guid Id, string Name, string Email, DateOnly? DateOfBirth, string? Phone);
