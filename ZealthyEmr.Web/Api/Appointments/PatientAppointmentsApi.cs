using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Web.Api.Common;

namespace ZealthyEmr.Web.Api.Appointments;

/// <summary>
/// A patient's appointments (series). Reading and cancelling: the patient themself or the front desk (Staff, Admin).
/// Creating: the front desk schedules any series; the patient books a single visit through the same booking engine
/// as the portal. Editing a series' end date or notes is the front desk's.
/// </summary>
public static class PatientAppointmentsApi
{
    public static RouteGroupBuilder MapPatientAppointmentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/patients/{id:guid}/appointments").WithTags("Appointments").RequireAuthorization(ApiPolicies.User)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync).ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("Example body: { \"providerId\": \"…\", \"datetime\": \"2026-12-01T09:30:00-08:00\", \"repeat\": \"weekly\", \"endDate\": \"2027-03-01\" }. Conflicts: 409 PROVIDER_CONFLICT, USER_CONFLICT or SLOT_LOCKED.");
        group.MapPut("/{appointmentId:guid}", UpdateAsync).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{appointmentId:guid}", EndAsync)
            .WithSummary("Cancel the appointment's upcoming visits; past visits stay on record");
        return api;
    }

    private static async Task<Results<Ok<List<AppointmentDto>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, PatientPortalService portal, PatientAdminService patients, SeriesQueries series, ClinicCalendar calendar, CancellationToken ct)
    {
        if (await PatientAccess.CheckSchedulingAsync(id, user, portal, ct) is { } denied)
        {
            return denied;
        }

        if (await patients.GetAsync(id, ct) is null)
        {
            return ApiProblems.NotFound("The patient");
        }

        return TypedResults.Ok((await series.ListForPatientAsync(id, ct)).Select(s => s.ToDto(calendar)).ToList());
    }

    private static async Task<Results<Created<AppointmentDto>, Ok<AppointmentDto>, ProblemHttpResult>> CreateAsync(
        Guid id, AppointmentRequest body, ClaimsPrincipal user, PatientPortalService portal, SeriesService series, SeriesQueries rows, BookingService booking, ClinicCalendar calendar, CancellationToken ct)
    {
        if (await PatientAccess.CheckSchedulingAsync(id, user, portal, ct) is { } denied)
        {
            return denied;
        }

        if (body.ProviderId is not { } providerId)
        {
            return ApiProblems.Validation(BookingRules.ProviderField, "Choose a provider.");
        }

        if (!ApiTime.TryParseInstant(body.Datetime, calendar, out var startUtc))
        {
            return ApiProblems.Validation(BookingRules.StartField, ApiTime.InstantHint);
        }

        if (!ApiEnums.TryParseRepeat(body.Repeat, out var repeat))
        {
            return ApiProblems.Validation("repeat", $"Repeat is one of {ApiEnums.Choices<RepeatKind>()}.");
        }

        if (!PatientAccess.IsFrontDesk(user))
        {
            if (repeat != RepeatKind.None || body.EndDate is not null || body.Notes is not null)
            {
                return ApiProblems.Problem(ApiProblems.Forbidden, "Patients book single visits; recurring appointments are scheduled by the clinic.");
            }

            return await BookingApi.BookAsync(id, providerId, startUtc, rows, booking, calendar, ct);
        }

        var created = await series.CreateAsync(new SeriesInput(id, providerId, calendar.ToLocal(startUtc), repeat, body.EndDate, body.Notes), ct);
        if (!created.Succeeded)
        {
            return ApiProblems.From(created.Error!);
        }

        if (await rows.GetForPatientAsync(id, created.Value, ct) is not { } row)
        {
            return ApiProblems.NotFound("The appointment");
        }

        return TypedResults.Created($"/api/patients/{id}/appointments/{created.Value}", row.ToDto(calendar));
    }

    private static async Task<Results<Ok<AppointmentDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, Guid appointmentId, AppointmentEditRequest body, ClaimsPrincipal user, SeriesService series, SeriesQueries rows, ClinicCalendar calendar, CancellationToken ct)
    {
        if (PatientAccess.RequireFrontDesk(user) is { } denied)
        {
            return denied;
        }

        if (await rows.GetForPatientAsync(id, appointmentId, ct) is not { } current)
        {
            return ApiProblems.NotFound("The appointment");
        }

        var updated = await series.UpdateAsync(appointmentId, new SeriesEdit(body.Notes, body.EndDate), body.Version ?? current.Version, ct);
        if (!updated.Succeeded)
        {
            return ApiProblems.From(updated.Error!);
        }

        return await rows.GetForPatientAsync(id, appointmentId, ct) is { } row
            ? TypedResults.Ok(row.ToDto(calendar))
            : ApiProblems.NotFound("The appointment");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EndAsync(
        Guid id, Guid appointmentId, ClaimsPrincipal user, PatientPortalService portal, SeriesService series, SeriesQueries rows, ClinicCalendar calendar, CancellationToken ct)
    {
        if (await PatientAccess.CheckSchedulingAsync(id, user, portal, ct) is { } denied)
        {
            return denied;
        }

        if (await rows.GetForPatientAsync(id, appointmentId, ct) is not { } current)
        {
            return ApiProblems.NotFound("The appointment");
        }

        if (current.Status != SeriesStatus.Active)
        {
            // Nothing upcoming is left to cancel; repeating the call is harmless.
            return TypedResults.NoContent();
        }

        // Everything from now on is cancelled: the last day is yesterday, and today's past visits stay.
        var ended = await series.EndAsync(appointmentId, calendar.Today.AddDays(-1), ct);
        return ended.Succeeded ? TypedResults.NoContent() : ApiProblems.From(ended.Error!);
    }
}
