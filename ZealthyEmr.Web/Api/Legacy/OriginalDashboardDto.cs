using ZealthyEmr.Web.Api.Prescriptions;

namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>The next 7 days, as the portal dashboard shows them: one object per visit and one per refill (its date in <c>refill_on</c>).</summary>
public sealed record OriginalDashboardDto(OriginalPatientDto Patient, IReadOnlyList<OriginalVisitDto> UpcomingAppointments, IReadOnlyList<PrescriptionDto> UpcomingRefills);
