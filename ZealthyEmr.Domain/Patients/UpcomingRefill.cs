namespace ZealthyEmr.Domain.Patients;

public sealed record UpcomingRefill(string Medication, DateOnly Date);
