using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Web.Api.Common;

namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>
/// What an original-contract appointment edit asks of the scheduling services, read against the appointment as it
/// is. A one-off that stays one-off moves its visit (<see cref="Move"/>, under the slot lock); a new provider moves
/// it to that provider. A repeat of weekly or monthly re-plans (<see cref="Replan"/>): a one-off becomes a series
/// from its visit (or the new datetime), and a series with a new provider, repeat or time is re-planned from its
/// next occurrence (or the new datetime) on. Both null: nothing to change. Fields equal to what the API answered
/// for the appointment count as unchanged, since the client sends the whole object back.
/// </summary>
public sealed record AppointmentEditPlan(VisitMove? Move, SeriesChange? Replan)
{
    public const string RepeatField = "repeat";

    public bool ChangesVisits => Move is not null || Replan is not null;

    public static async Task<Result<AppointmentEditPlan>> ReadAsync(
        OriginalAppointmentEditRequest body, SeriesRow current, CatalogNames names, SeriesQueries rows, ClinicCalendar calendar, CancellationToken ct)
    {
        var providerId = current.ProviderId;
        if (body.Provider is not null || body.ProviderId is not null)
        {
            var provider = await names.ProviderAsync(body.Provider, body.ProviderId, OriginalContract.ProviderField, ct);
            if (!provider.Succeeded)
            {
                return provider.Error!;
            }

            providerId = provider.Value;
        }

        var repeat = current.Repeat;
        if (!string.IsNullOrWhiteSpace(body.Repeat) && !ApiEnums.TryParseRepeat(body.Repeat, out repeat))
        {
            return DomainError.Validation(RepeatField, $"Repeat is one of {ApiEnums.Choices<RepeatKind>()}.");
        }

        var startUtc = default(DateTime?);
        if (body.Datetime is not null)
        {
            if (!ApiTime.TryParseInstant(body.Datetime, calendar, out var parsed))
            {
                return DomainError.Validation(BookingRules.StartField, ApiTime.InstantHint);
            }

            startUtc = parsed;
        }

        var upcoming = (await rows.ListVisitsAsync(current.Id, ct)).Where(v => v.Status == VisitStatus.Scheduled && v.StartUtc >= calendar.UtcNow).ToList();
        // The datetime this API answered for the appointment (a series' first visit, a one-off's visit) means "unchanged".
        var answered = current.Repeat != RepeatKind.None || upcoming.Count == 0 ? calendar.ToUtc(current.FirstStartLocal) : upcoming[0].StartUtc;
        if (startUtc == answered || upcoming.Any(v => v.StartUtc == startUtc))
        {
            startUtc = null;
        }

        if (providerId == current.ProviderId && repeat == current.Repeat && startUtc is null)
        {
            return new AppointmentEditPlan(null, null);
        }

        if (current.Status != SeriesStatus.Active)
        {
            return DomainError.Validation(BookingRules.StartField, "This appointment has no upcoming visits left to change; add a new one.");
        }

        if (repeat == RepeatKind.None)
        {
            return current.Repeat != RepeatKind.None
                ? DomainError.Validation(RepeatField,
                    "A recurring appointment cannot become a one-off, since its past visits were recurring: set its endDate to the last visit to keep, or cancel it (isActive false) and add a one-off.")
                : new AppointmentEditPlan(new VisitMove(upcoming[0].Id, providerId, startUtc ?? upcoming[0].StartUtc), null);
        }

        var first = startUtc is { } moved ? calendar.ToLocal(moved) : NextOccurrenceLocal(current, upcoming, calendar);
        if (first is not { } from)
        {
            return DomainError.Validation(BookingRules.StartField, "This appointment has no upcoming occurrence to change from; send the datetime its new plan starts at.");
        }

        return new AppointmentEditPlan(null, new SeriesChange(
            DateOnly.FromDateTime(from), providerId, TimeOnly.FromDateTime(from), repeat, body.EndDate ?? current.EndDate, body.Version ?? current.Version));
    }

    /// <summary>
    /// Where a re-plan without a new datetime starts: a one-off's visit as it stands; for a series, its next planned
    /// occurrence at the series' time, so a visit moved on its own does not shift the whole pattern.
    /// </summary>
    private static DateTime? NextOccurrenceLocal(SeriesRow current, IReadOnlyList<SeriesVisit> upcoming, ClinicCalendar calendar)
    {
        if (current.Repeat == RepeatKind.None)
        {
            return upcoming.Count == 0 ? null : calendar.ToLocal(upcoming[0].StartUtc);
        }

        var next = upcoming.Select(v => v.OccurrenceUtc).Where(o => o >= calendar.UtcNow).Order().Select(o => (DateTime?)o).FirstOrDefault();
        return next is { } occurrence ? DateOnly.FromDateTime(calendar.ToLocal(occurrence)).ToDateTime(TimeOnly.FromDateTime(current.FirstStartLocal)) : null;
    }
}
