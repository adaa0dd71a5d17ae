using ZealthyEmr.Web.Api.Appointments;

namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>Our appointment with the original contract's <c>{message, appointment}</c> beside its fields.</summary>
public sealed record AppointmentSavedDto(string Message, AppointmentDto Appointment) : AppointmentDto(Appointment);
