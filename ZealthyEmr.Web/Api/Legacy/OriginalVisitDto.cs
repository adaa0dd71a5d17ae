namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>
/// One visit as the original contract's appointment object: <see cref="Id"/> is the visit, <see cref="AppointmentId"/>
/// the appointment (series) it belongs to, <see cref="Repeat"/> that series' rule.
/// </summary>
public sealed record OriginalVisitDto(Guid Id, Guid AppointmentId, string Provider, Guid ProviderId, string Specialty, DateTimeOffset Datetime, string Repeat, bool IsActive);
