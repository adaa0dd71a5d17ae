namespace ZealthyEmr.Web.Api.Medications;

/// <summary><see cref="IsRetired"/> true stops new prescriptions of it; existing ones keep it.</summary>
public sealed record MedicationRequest(string? Name, string? Description, IReadOnlyList<string>? Strengths, bool? IsRetired, Guid? Version);
