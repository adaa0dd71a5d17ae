namespace ZealthyEmr.Web.Api.Patients;

/// <summary>One visit; <see cref="AppointmentId"/> is the series it belongs to.</summary>
public sealed record DashboardVisitDto(Guid Id, Guid AppointmentId, string Provider, Guid ProviderId, string Specialty, DateTimeOffset Datetime, string Repeat);
