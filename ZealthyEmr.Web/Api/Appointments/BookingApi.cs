using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
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
        // A cancellation racing this answer can remove the series; the booking still happened, so say so plainly.
        if (await series.GetAsync(visit.SeriesId, ct) is not { } row)
        {
            return ApiProblems.NotFound("The booked appointment");
        }

        var dto = row.ToDto(calendar);
        return visit.AlreadyBooked ? TypedResults.Ok(dto) : TypedResults.Created($"/api/patients/{patientId}/appointments/{visit.SeriesId}", dto);
    }

    private static Task<Results<Created<AppointmentSavedDto>, Ok<AppointmentSavedDto>, ProblemHttpResult>> BookForMeAsync(
        BookRequest body, ClaimsPrincipal user, OriginalBooking booking, CancellationToken ct) => booking.BookForMeAsync(body, user, ct);
}
