using ZealthyEmr.Web.Api.Prescriptions;

namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>Our prescription with the original contract's <c>{message, prescription}</c> beside its fields.</summary>
public sealed record PrescriptionSavedDto(string Message, PrescriptionDto Prescription) : PrescriptionDto(Prescription);
