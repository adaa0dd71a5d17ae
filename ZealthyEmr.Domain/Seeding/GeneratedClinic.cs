namespace ZealthyEmr.Domain.Seeding;

public sealed record GeneratedClinic(
    IReadOnlyList<GeneratedPatient> Patients,
    IReadOnlyList<Guid> ProviderIds,
    int Series,
    int Visits,
    int Prescriptions,
    TimeSpan Elapsed);
