using System.Text.Json.Serialization;
using ZealthyEmr.Web.Api.Appointments;
using ZealthyEmr.Web.Api.Prescriptions;

namespace ZealthyEmr.Web.Api.Patients;

/// <summary>
/// A patient in the original contract's shape. The totals count active series and active prescriptions;
/// <see cref="Appointments"/> and <see cref="Prescriptions"/> are present only on the single-patient routes.
/// </summary>
public sealed record PatientDto(
    Guid Id,
    string Name,
    string Email,
    int TotalAppointments,
    int TotalPrescriptions,
    DateTimeOffset? NextAppointment,
    DateOnly? DateOfBirth,
    string? Phone,
    Guid Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AppointmentDto>? Appointments = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PrescriptionDto>? Prescriptions = null,
    bool Archived = false);
