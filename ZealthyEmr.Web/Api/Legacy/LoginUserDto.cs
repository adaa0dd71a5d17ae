using ZealthyEmr.Web.Api.Prescriptions;

namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>
/// The signed-in user. For a patient <see cref="Id"/> is the patient id (as in the original contract, where the user
/// was the patient record) and equals <see cref="PatientId"/>; <see cref="LoginId"/> is always the login's id.
/// <see cref="Appointments"/> are the upcoming visits within the booking horizon and <see cref="Prescriptions"/> the
/// active prescriptions with their next refill in <c>refill_on</c>; both are empty for clinic staff.
/// </summary>
public sealed record LoginUserDto(
    string Id,
    string LoginId,
    string Email,
    string Name,
    IReadOnlyList<string> Roles,
    string? PatientId,
    IReadOnlyList<OriginalVisitDto> Appointments,
    IReadOnlyList<PrescriptionDto> Prescriptions);
