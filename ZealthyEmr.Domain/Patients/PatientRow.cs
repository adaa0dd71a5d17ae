namespace ZealthyEmr.Domain.Patients;

public sealed record PatientRow(
    Guid Id,
    string Name,
    string Email,
    DateOnly? DateOfBirth,
    string? Phone,
    DateTime? NextVisitUtc,
    string? NextVisitProvider,
    UpcomingRefill? NextRefill,
    int ActiveSeries,
    int ActivePrescriptions,
    Guid Version,
    bool Archived = false);
