using ZealthyEmr.Web.Api.Appointments;

namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>
/// The original contract's <c>nextAppointment</c>: an appointment object whose <see cref="Datetime"/> is the next
/// scheduled visit. <see cref="Id"/> is the appointment (series), the id its edit and cancel routes take.
/// </summary>
public sealed record NextAppointmentDto(Guid Id, string Provider, Guid ProviderId, DateTimeOffset Datetime, string Repeat, bool IsActive)
{
    public static NextAppointmentDto? From(IEnumerable<AppointmentDto> appointments) =>
        appointments.Where(a => a.NextAppointment is not null).OrderBy(a => a.NextAppointment).FirstOrDefault() is { } a
            ? new NextAppointmentDto(a.Id, a.Provider, a.ProviderId, a.NextAppointment!.Value, a.Repeat, a.IsActive)
            : null;
}
