namespace ZealthyEmr.Domain.Patients;

public sealed record PatientInput(string Name, string Email, DateOnly? DateOfBirth = null, string? Phone = null);
