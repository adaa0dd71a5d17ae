namespace ZealthyEmr.Web.Api.Appointments;

/// <summary><see cref="Datetime"/> with an offset or Z, or without one as clinic time; <see cref="Repeat"/> is none, weekly or monthly.</summary>
public sealed record AppointmentRequest(Guid? ProviderId, string? Datetime, string? Repeat, DateOnly? EndDate, string? Notes);
