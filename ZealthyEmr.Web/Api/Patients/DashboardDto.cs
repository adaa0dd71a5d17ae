namespace ZealthyEmr.Web.Api.Patients;

/// <summary>The portal dashboard's data: visits in the next 7 days and refills due in them.</summary>
public sealed record DashboardDto(Guid Id, string Name, string Email, IReadOnlyList<DashboardVisitDto> Appointments, IReadOnlyList<DashboardRefillDto> Refills);
