using System.Linq.Expressions;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Appointments;

/// <summary>
/// The one definition of a series' status as people see it, shared by the drill-down, the patient grid,
/// analytics and the API so their counts agree: Cancelled when every visit was cancelled, Active while an
/// upcoming visit exists and the end date has not passed, Ended otherwise. A single booking is a visit, not a series.
/// </summary>
public static class SeriesActivity
{
    public static Expression<Func<AppointmentSeries, bool>> IsActive(DateTime nowUtc, DateOnly today) => s =>
        s.Status == SeriesStatus.Active
        && (s.EndDate == null || s.EndDate >= today)
        && s.Visits.Any(v => v.Status == VisitStatus.Scheduled && v.StartUtc >= nowUtc);

    /// <summary>Active recurring series only: what "series" counts everywhere.</summary>
    public static Expression<Func<AppointmentSeries, bool>> IsActiveRecurring(DateTime nowUtc, DateOnly today) => s =>
        s.Repeat != RepeatKind.None
        && s.Status == SeriesStatus.Active
        && (s.EndDate == null || s.EndDate >= today)
        && s.Visits.Any(v => v.Status == VisitStatus.Scheduled && v.StartUtc >= nowUtc);
}
