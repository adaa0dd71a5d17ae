namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>
/// Absent fields stay as they are. <see cref="IsActive"/> false cancels the upcoming visits; a new
/// <see cref="Datetime"/> moves a one-off visit under the booking rules. Send <see cref="Version"/> to refuse a stale edit.
/// </summary>
public sealed record OriginalAppointmentEditRequest(
    string? Provider, Guid? ProviderId, string? Datetime, string? Repeat, bool? IsActive, DateOnly? EndDate, string? Notes, Guid? Version);
