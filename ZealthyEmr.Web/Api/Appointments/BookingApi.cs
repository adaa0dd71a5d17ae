using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Web.Api.Common;
using ZealthyEmr.Web.Api.Legacy;

namespace ZealthyEmr.Web.Api.Appointments;

public static class BookingApi
{
    public static RouteGroupBuilder MapBookingApi(this RouteGroupBuilder api)
    {
        api.MapPost("/appointments/book", BookForMeAsync).WithTags("Appointments").RequireAuthorization(ApiPolicies.User)
            .RequireRateLimiting(ApiRateLimits.Booking)
            .WithSummary("Book a visit, or a weekly or monthly series, for the signed-in patient")
            .WithDescription("Example bodies: { \"providerId\": \"…\", \"datetime\": \"2026-12-01T09:30:00-08:00\" } (a slot as availability returns it), or the original contract's { \"userId\": \"<your patient id>\", \"provider\": \"Dr Sally Field\", \"datetime\": \"2026-12-01T10:00\", \"repeat\": \"weekly\" }. 201 with the appointment and { message, appointment }; repeating the same single booking returns 200 with it. Another patient's userId is 403. Conflicts: 409 PROVIDER_CONFLICT, USER_CONFLICT or SLOT_LOCKED; a series names the first conflicting date.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    /// <summary>The one booking path for the API, shared with the patient-scoped POST.</summary>
    public static async Task<Results<Created<AppointmentDto>, Ok<AppointmentDto>, ProblemHttpResult>> BookAsync(
        Guid patientId, Guid providerId, DateTime startUtc, SeriesQueries series, BookingService booking, ClinicCalendar calendar, CancellationToken ct)
    {
        var booked = await booking.BookAsync(patientId, providerId, startUtc, ct);
        if (!booked.Succeeded)
        {
            return ApiProblems.From(booked.Error!);
        }

        var visit = booked.Value!;
        // A new booking is answered from what was just written (issue 15: no read-back on the hot path); a repeated one reads
        // the earlier booking. A cancellation racing that read can remove the series, so say so plainly.
        if ((visit.AlreadyBooked ? await series.GetAsync(visit.SeriesId, ct) : Written(visit, calendar)) is not { } row)
        {
            return ApiProblems.NotFound("The booked appointment");
        }

        var dto = row.ToDto(calendar);
        return visit.AlreadyBooked ? TypedResults.Ok(dto) : TypedResults.Created($"/api/patients/{patientId}/appointments/{visit.SeriesId}", dto);
    }

    /// <summary>The one-visit series the booking wrote: no repeat, no end, no notes, its one visit the next.</summary>
    private static SeriesRow Written(BookedVisit visit, ClinicCalendar calendar) => new(
        visit.SeriesId, visit.ProviderId, visit.ProviderName, calendar.ToLocal(visit.StartUtc), RepeatKind.None, EndDate: null, Notes: null,
        SeriesStatus.Active, visit.StartUtc, UpcomingVisits: 1, visit.SeriesVersion);

    private static Task<Results<Created<AppointmentSavedDto>, Ok<AppointmentSavedDto>, ProblemHttpResult>> BookForMeAsync(
        BookRequest body, ClaimsPrincipal user, OriginalBooking booking, CancellationToken ct) => booking.BookForMeAsync(body, user, ct);
}
