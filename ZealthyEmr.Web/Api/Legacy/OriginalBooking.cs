using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Web.Api.Appointments;
using ZealthyEmr.Web.Api.Common;

namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>
/// <c>POST /api/appointments/book</c> for both contracts. A single visit goes through the booking engine (slot lock,
/// one transaction); a weekly or monthly one through the series service, which checks every visit up to the horizon
/// and writes all of them or none. Either way the first visit must be within the patient's booking horizon.
/// </summary>
public sealed class OriginalBooking(PatientPortalService portal, CatalogNames names, SeriesService series, SeriesQueries rows, BookingService booking, ClinicCalendar calendar)
{
    public async Task<Results<Created<AppointmentSavedDto>, Ok<AppointmentSavedDto>, ProblemHttpResult>> BookForMeAsync(BookRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await PatientAccess.PatientIdOfAsync(user, portal, ct) is not { } patientId)
        {
            return ApiProblems.Problem(ApiProblems.Forbidden, "Only a patient's login can book for itself; staff book through /api/patients/{id}/appointments.");
        }

        if (!string.IsNullOrWhiteSpace(body.UserId) && !(Guid.TryParse(body.UserId, out var claimed) && claimed == patientId))
        {
            return ApiProblems.NotYours();
        }

        var field = body.ProviderId is null && body.Provider is not null ? OriginalContract.ProviderField : BookingRules.ProviderField;
        var request = await VisitRequest.ReadAsync(names, body.Provider, body.ProviderId, field, body.Datetime, body.Repeat, calendar, ct);
        if (!request.Succeeded)
        {
            return ApiProblems.From(request.Error!);
        }

        var (providerId, startUtc, repeat) = request.Value;
        return repeat == RepeatKind.None
            ? Wrap(await BookingApi.BookAsync(patientId, providerId, startUtc, rows, booking, calendar, ct))
            : await BookSeriesAsync(patientId, providerId, startUtc, repeat, ct);
    }

    private async Task<Results<Created<AppointmentSavedDto>, Ok<AppointmentSavedDto>, ProblemHttpResult>> BookSeriesAsync(
        Guid patientId, Guid providerId, DateTime startUtc, RepeatKind repeat, CancellationToken ct)
    {
        var lastDay = calendar.Today.AddMonths(calendar.BookingHorizonMonths);
        if (DateOnly.FromDateTime(calendar.ToLocal(startUtc)) > lastDay)
        {
            return ApiProblems.Validation(BookingRules.StartField, $"Visits can be booked up to {calendar.BookingHorizonMonths} months ahead, until {lastDay:MMMM d, yyyy}.");
        }

        var created = await series.CreateAsync(new SeriesInput(patientId, providerId, calendar.ToLocal(startUtc), repeat), ct);
        if (!created.Succeeded)
        {
            return ApiProblems.From(created.Error!);
        }

        return await rows.GetForPatientAsync(patientId, created.Value, ct) is { } row
            ? TypedResults.Created($"/api/patients/{patientId}/appointments/{created.Value}", new AppointmentSavedDto("Appointment booked.", row.ToDto(calendar)))
            : ApiProblems.NotFound("The booked appointment");
    }

    private static Results<Created<AppointmentSavedDto>, Ok<AppointmentSavedDto>, ProblemHttpResult> Wrap(Results<Created<AppointmentDto>, Ok<AppointmentDto>, ProblemHttpResult> result) =>
        result.Result switch
        {
            Created<AppointmentDto> created => TypedResults.Created(created.Location, new AppointmentSavedDto("Appointment booked.", created.Value!)),
            Ok<AppointmentDto> again => TypedResults.Ok(new AppointmentSavedDto("You already have this appointment.", again.Value!)),
            ProblemHttpResult problem => problem,
            var other => throw new InvalidOperationException($"Unexpected booking result {other.GetType().Name}."),
        };
}
