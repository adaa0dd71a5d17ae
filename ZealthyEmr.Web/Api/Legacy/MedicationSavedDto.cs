using ZealthyEmr.Web.Api.Medications;

namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>Our medication with the original contract's <c>{message, medication}</c> beside its fields.</summary>
public sealed record MedicationSavedDto(string Message, MedicationDto Medication) : MedicationDto(Medication);
