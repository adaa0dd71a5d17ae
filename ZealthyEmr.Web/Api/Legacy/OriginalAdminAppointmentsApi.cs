using Microsoft.AspNetCore.Http.HttpResults;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Web.Api.Appointments;
using ZealthyEmr.Web.Api.Common;

namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>
/// The original admin client's appointment routes under a patient, over the same series service and rules as
/// <c>/api/patients/{id}/appointments</c>. An appointment keeps its provider and repeat (changing either is a new
/// appointment); a one-off visit can be moved, and any appointment cancelled.
/// </summary>
public static class OriginalAdminAppointmentsApi
{
    public static RouteGroupBuilder MapOriginalAdminAppointmentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/patients/{id:guid}/appointments").WithTags(OriginalContract.Tag).RequireAuthorization(ApiPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/", CreateAsync).WithSummary("Schedule an appointment (one-off or a weekly or monthly series) for the patient")
            .WithDescription("Example body: { \"provider\": \"Dr Sally Field\", \"datetime\": \"2026-12-01T10:00\", \"repeat\": \"weekly\" }. The provider is a name (any case) or an id; a time without an offset is clinic time.");
        group.MapPut("/{appointmentId:guid}", UpdateAsync).WithSummary("Edit an appointment: isActive false cancels its upcoming visits; a new datetime moves a one-off visit");
        group.MapDelete("/{appointmentId:guid}", CancelAsync).WithSummary("Cancel the appointment's upcoming visits; past visits stay on record");
        return api;
    }

    private static async Task<Results<Created<AppointmentSavedDto>, ProblemHttpResult>> CreateAsync(
        Guid id, OriginalAppointmentRequest body, CatalogNames names, PatientAdminService patients, SeriesService series, SeriesQueries rows, ClinicCalendar calendar, CancellationToken ct)
    {
        var request = await VisitRequest.ReadAsync(names, body.Provider, body.ProviderId, OriginalContract.ProviderField, body.Datetime, body.Repeat, calendar, ct);
        if (!request.Succeeded)
        {
            return ApiProblems.From(request.Error!);
        }

        if (await patients.GetAsync(id, ct) is null)
        {
            return ApiProblems.NotFound("The patient");
        }

        var (providerId, startUtc, repeat) = request.Value;
        var created = await series.CreateAsync(new SeriesInput(id, providerId, calendar.ToLocal(startUtc), repeat, body.EndDate, body.Notes), ct);
        if (!created.Succeeded)
        {
            return ApiProblems.From(created.Error!);
        }

        return await rows.GetForPatientAsync(id, created.Value, ct) is { } row
            ? TypedResults.Created($"/api/patients/{id}/appointments/{created.Value}", new AppointmentSavedDto("Appointment created.", Shape(row, calendar)))
            : ApiProblems.NotFound("The appointment");
    }

    private static async Task<Results<Ok<AppointmentSavedDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, Guid appointmentId, OriginalAppointmentEditRequest body, CatalogNames names, SeriesService series, SeriesQueries rows, ClinicCalendar calendar, CancellationToken ct)
    {
        if (body is { Provider: null, ProviderId: null, Datetime: null, Repeat: null, IsActive: null, EndDate: null, Notes: null })
        {
            return ApiProblems.Validation("body", "Send at least one of provider, datetime, repeat, isActive, endDate or notes.");
        }

        if (await rows.GetForPatientAsync(id, appointmentId, ct) is not { } current)
        {
            return ApiProblems.NotFound("The appointment");
        }

        if (await CheckKeptAsync(body, current, names, ct) is { } refused)
        {
            return ApiProblems.From(refused);
        }

        if (body.IsActive == false)
        {
            var ended = current.Status == SeriesStatus.Active ? await series.EndAsync(appointmentId, calendar.Today, ct) : 0;
            return ended.Succeeded ? await AnswerAsync(id, appointmentId, "Appointment cancelled.", rows, calendar, ct) : ApiProblems.From(ended.Error!);
        }

        if (body.IsActive == true && current.Status != SeriesStatus.Active)
        {
            return ApiProblems.Validation("isActive", "A cancelled appointment cannot be reopened; add a new one.");
        }

        var move = await PlanMoveAsync(body.Datetime, current, rows, calendar, ct);
        if (!move.Succeeded)
        {
            return ApiProblems.From(move.Error!);
        }

        var edits = (body.EndDate is not null && body.EndDate != current.EndDate) || (body.Notes is not null && body.Notes != current.Notes);
        if (move.Value is not null && edits)
        {
            return ApiProblems.Validation(BookingRules.StartField, "Move the visit and change the end date or notes in separate requests.");
        }

        var done = move.Value is { } visit
            ? await series.MoveVisitAsync(visit.VisitId, calendar.ToLocal(visit.StartUtc), ct)
            : edits ? await series.UpdateAsync(appointmentId, new SeriesEdit(body.Notes ?? current.Notes, body.EndDate ?? current.EndDate), body.Version ?? current.Version, ct)
            : current.Version;
        return done.Succeeded ? await AnswerAsync(id, appointmentId, "Appointment updated.", rows, calendar, ct) : ApiProblems.From(done.Error!);
    }

    private static async Task<Results<Ok<MessageDto>, ProblemHttpResult>> CancelAsync(
        Guid id, Guid appointmentId, SeriesService series, SeriesQueries rows, ClinicCalendar calendar, CancellationToken ct)
    {
        if (await rows.GetForPatientAsync(id, appointmentId, ct) is null)
        {
            return ApiProblems.NotFound("The appointment");
        }

        var ended = await series.EndAsync(appointmentId, calendar.Today, ct);
        return ended.Succeeded ? TypedResults.Ok(new MessageDto("Appointment cancelled.")) : ApiProblems.From(ended.Error!);
    }

    /// <summary>A provider or repeat that differs from the appointment's is refused: that is a new appointment, booked as one.</summary>
    private static async Task<DomainError?> CheckKeptAsync(OriginalAppointmentEditRequest body, SeriesRow current, CatalogNames names, CancellationToken ct)
    {
        if (body.Provider is not null || body.ProviderId is not null)
        {
            var provider = await names.ProviderAsync(body.Provider, body.ProviderId, OriginalContract.ProviderField, ct);
            if (!provider.Succeeded)
            {
                return provider.Error;
            }

            if (provider.Value != current.ProviderId)
            {
                return DomainError.Validation(OriginalContract.ProviderField, "An appointment keeps its provider; cancel it and add a new one with the other provider.");
            }
        }

        if (body.Repeat is not null)
        {
            if (!ApiEnums.TryParseRepeat(body.Repeat, out var repeat))
            {
                return DomainError.Validation("repeat", $"Repeat is one of {ApiEnums.Choices<RepeatKind>()}.");
            }

            if (repeat != current.Repeat)
            {
                return DomainError.Validation("repeat", "An appointment keeps how it repeats; cancel it and add a new one.");
            }
        }

        return null;
    }

    /// <summary>The visit to move and its new start, or null when the datetime is absent or unchanged.</summary>
    private static async Task<Result<(Guid VisitId, DateTime StartUtc)?>> PlanMoveAsync(string? datetime, SeriesRow current, SeriesQueries rows, ClinicCalendar calendar, CancellationToken ct)
    {
        if (datetime is null)
        {
            return Result<(Guid, DateTime)?>.Ok(null);
        }

        if (!ApiTime.TryParseInstant(datetime, calendar, out var startUtc))
        {
            return DomainError.Validation(BookingRules.StartField, ApiTime.InstantHint);
        }

        var upcoming = (await rows.ListVisitsAsync(current.Id, ct)).Where(v => v.Status == VisitStatus.Scheduled && v.StartUtc >= calendar.UtcNow).ToList();
        // The datetime this API answered for the appointment (a series' first visit, a one-off's visit) means "unchanged".
        var answered = current.Repeat != RepeatKind.None || upcoming.Count == 0 ? calendar.ToUtc(current.FirstStartLocal) : upcoming[0].StartUtc;
        if (startUtc == answered || upcoming.Any(v => v.StartUtc == startUtc))
        {
            return Result<(Guid, DateTime)?>.Ok(null);
        }

        if (current.Repeat != RepeatKind.None)
        {
            return DomainError.Validation(BookingRules.StartField, "A recurring appointment keeps its time; cancel it and add a new one at the other time.");
        }

        return upcoming.Count == 0
            ? DomainError.Validation(BookingRules.StartField, "This appointment has no upcoming visit to move.")
            : Result<(Guid, DateTime)?>.Ok((upcoming[0].Id, startUtc));
    }

    private static async Task<Results<Ok<AppointmentSavedDto>, ProblemHttpResult>> AnswerAsync(
        Guid id, Guid appointmentId, string message, SeriesQueries rows, ClinicCalendar calendar, CancellationToken ct) =>
        await rows.GetForPatientAsync(id, appointmentId, ct) is { } row
            ? TypedResults.Ok(new AppointmentSavedDto(message, Shape(row, calendar)))
            : ApiProblems.NotFound("The appointment");

    /// <summary>A moved one-off visit is the appointment's time, so its <c>datetime</c> follows the visit.</summary>
    public static AppointmentDto Shape(SeriesRow row, ClinicCalendar calendar)
    {
        var dto = row.ToDto(calendar);
        return row.Repeat == RepeatKind.None && dto.NextAppointment is { } next ? dto with { Datetime = next } : dto;
    }
}
