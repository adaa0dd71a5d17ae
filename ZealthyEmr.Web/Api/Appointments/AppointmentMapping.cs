using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Web.Api.Common;

namespace ZealthyEmr.Web.Api.Appointments;

public static class AppointmentMapping
{
    public static AppointmentDto ToDto(this SeriesRow s, ClinicCalendar calendar) => new(
        s.Id,
        s.Provider,
        s.ProviderId,
        calendar.ToOffset(calendar.ToUtc(s.FirstStartLocal)),
        ApiEnums.Name(s.Repeat),
        s.Status == SeriesStatus.Active,
        s.EndDate,
        ApiTime.Out(calendar, s.NextVisitUtc),
        s.Notes,
        s.Version);
}
