using System.Text.Json.Serialization;
using ZealthyEmr.Web.Api.Appointments;
using ZealthyEmr.Web.Api.Legacy;
using ZealthyEmr.Web.Api.Prescriptions;

namespace ZealthyEmr.Web.Api.Patients;

/// <summary>
/// A patient in the original contract's shape. The totals count active series and active prescriptions;
/// <see cref="NextAppointment"/> is the appointment whose visit comes next (its <c>datetime</c> is that visit), and
/// <see cref="NextAppointmentAt"/> the same instant alone. Not sealed: the write routes answer it with a <c>message</c>.
/// </summary>
public record PatientDto(
    Guid Id,
    string Name,
    string Email,
    int TotalAppointments,
    int TotalPrescriptions,
    NextAppointmentDto? NextAppointment,
    DateTimeOffset? NextAppointmentAt,
    DateOnly? DateOfBirth,
    string? Phone,
    Guid Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AppointmentDto>? Appointments = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PrescriptionDto>? Prescriptions = null,
    bool Archived = false);
