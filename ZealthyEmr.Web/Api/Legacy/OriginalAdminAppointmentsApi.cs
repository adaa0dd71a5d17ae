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
/// The original admin client's appointment routes under a patient, over the same scheduling services and rules as
/// <c>/api/patients/{id}/appointments</c> and the admin pages: a one-off visit moves through the slot-locked
/// rescheduler, a series (or a one-off becoming one) is re-planned by the series re-planner, and a cancel ends the
/// series from now on. See <see cref="AppointmentEditPlan"/> for what an edit means.
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
        group.MapPut("/{appointmentId:guid}", UpdateAsync).WithSummary("Edit an appointment: move it, change its provider or repeat, or cancel it (isActive false)")
            .WithDescription("Absent fields, and fields equal to the appointment's, stay as they are. A one-off visit moves to the new datetime and/or provider under the booking rules. "
                + "repeat weekly or monthly on a one-off makes a series starting at its visit (or the new datetime); a new provider, repeat or datetime on a series re-plans its visits from its next occurrence "
                + "(or the new datetime) on, past visits kept. Every new visit is checked: a conflict is a 409 naming the first conflicting date, and nothing is written. "
                + "A series cannot become repeat none (400: set endDate or cancel it and add a one-off). Example body: { \"provider\": \"Dr Kim West\", \"repeat\": \"weekly\" }.");
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
        Guid id, Guid appointmentId, OriginalAppointmentEditRequest body, CatalogNames names, SeriesService series, SeriesReplanner replanner, VisitRescheduler mover,
        SeriesQueries rows, ClinicCalendar calendar, CancellationToken ct)
    {
        if (body is { Provider: null, ProviderId: null, Datetime: null, Repeat: null, IsActive: null, EndDate: null, Notes: null })
        {
            return ApiProblems.Validation("body", "Send at least one of provider, datetime, repeat, isActive, endDate or notes.");
        }

        if (await rows.GetForPatientAsync(id, appointmentId, ct) is not { } current)
        {
            return ApiProblems.NotFound("The appointment");
        }

        var read = await AppointmentEditPlan.ReadAsync(body, current, names, rows, calendar, ct);
        if (!read.Succeeded)
        {
            return ApiProblems.From(read.Error!);
        }

        var plan = read.Value!;
        if (body.IsActive == false)
        {
            if (plan.ChangesVisits)
            {
                return ApiProblems.Validation("isActive", "Cancel the appointment (isActive false) or change it, not both in one request.");
            }

            var ended = current.Status == SeriesStatus.Active ? await series.EndAsync(appointmentId, calendar.Today.AddDays(-1), ct) : 0;
            return ended.Succeeded ? await AnswerAsync(id, appointmentId, "Appointment cancelled.", rows, calendar, ct) : ApiProblems.From(ended.Error!);
        }

        if (body.IsActive == true && current.Status != SeriesStatus.Active)
        {
            return ApiProblems.Validation("isActive", "A cancelled appointment cannot be reopened; add a new one.");
        }

        var newNotes = body.Notes is not null && body.Notes != current.Notes;
        var edits = newNotes || (body.EndDate is not null && body.EndDate != current.EndDate);
        if ((plan.Move is not null && edits) || (plan.Replan is not null && newNotes))
        {
            return ApiProblems.Validation(plan.Move is not null ? BookingRules.StartField : "notes",
                plan.Move is not null ? "Move the visit and change the end date or notes in separate requests." : "Change the schedule and the notes in separate requests.");
        }

        // Each path is one service call that writes everything or nothing: a move under the new slot's lock, a
        // re-plan checking every visit (the first conflicting date answers 409), or an end date or notes edit.
        var done = plan.Move is { } move ? await mover.MoveAsync(move, ct)
            : plan.Replan is { } replan ? await replanner.EditFromAsync(appointmentId, replan, ct)
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

        var ended = await series.EndAsync(appointmentId, calendar.Today.AddDays(-1), ct);
        return ended.Succeeded ? TypedResults.Ok(new MessageDto("Appointment cancelled.")) : ApiProblems.From(ended.Error!);
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
