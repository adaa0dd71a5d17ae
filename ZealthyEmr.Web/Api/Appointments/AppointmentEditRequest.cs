namespace ZealthyEmr.Web.Api.Appointments;

/// <summary>A series keeps its time and provider (a new time is a new appointment); send <see cref="Version"/> to refuse a stale edit.</summary>
public sealed record AppointmentEditRequest(DateOnly? EndDate, string? Notes, Guid? Version);
