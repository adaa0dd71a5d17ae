namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>
/// <see cref="Provider"/> is a provider's name or id (or send <see cref="ProviderId"/>); <see cref="Datetime"/> without
/// an offset is clinic time; <see cref="Repeat"/> is none, weekly or monthly.
/// </summary>
public sealed record OriginalAppointmentRequest(string? Provider, Guid? ProviderId, string? Datetime, string? Repeat, DateOnly? EndDate, string? Notes);
