namespace ZealthyEmr.Web.Api.Medications;

public sealed record MedicationDto(Guid Id, string Name, string Description, IReadOnlyList<string> Strengths, bool IsRetired, Guid Version);
