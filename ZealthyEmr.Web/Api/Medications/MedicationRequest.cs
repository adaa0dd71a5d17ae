namespace ZealthyEmr.Web.Api.Medications;

/// <summary>
/// <see cref="IsRetired"/> true stops new prescriptions of it; existing ones keep it. <see cref="Dosages"/> is the
/// original contract's name for <see cref="Strengths"/>, used when strengths are absent.
/// </summary>
public sealed record MedicationRequest(string? Name, string? Description, IReadOnlyList<string>? Strengths, bool? IsRetired, Guid? Version, IReadOnlyList<string>? Dosages = null);
