namespace ZealthyEmr.Web.Api.Appointments;

/// <summary>
/// An appointment is a series: <see cref="Datetime"/> is its first visit, <see cref="NextAppointment"/> its next
/// scheduled one (null when none is left). Both are clinic local time with the offset.
/// </summary>
public record AppointmentDto(
    Guid Id,
    string Provider,
    Guid ProviderId,
    DateTimeOffset Datetime,
    string Repeat,
    bool IsActive,
    DateOnly? EndDate,
    DateTimeOffset? NextAppointment,
    string? Notes,
    Guid Version);
