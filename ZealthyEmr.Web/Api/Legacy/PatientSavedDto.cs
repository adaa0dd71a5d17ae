using ZealthyEmr.Web.Api.Patients;

namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>Our patient with the original contract's <c>{message, patient}</c> beside its fields.</summary>
public sealed record PatientSavedDto(string Message, PatientDto Patient) : PatientDto(Patient);
