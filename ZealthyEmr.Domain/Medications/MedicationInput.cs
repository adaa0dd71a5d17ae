namespace ZealthyEmr.Domain.Medications;

public sealed record MedicationInput(string Name, string? Description, IReadOnlyList<string> Strengths);
