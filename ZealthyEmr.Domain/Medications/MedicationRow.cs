namespace ZealthyEmr.Domain.Medications;

public sealed record MedicationRow(Guid Id, string Name, string Description, IReadOnlyList<string> Strengths, bool IsRetired, Guid Version);
