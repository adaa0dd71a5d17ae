using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Prescriptions;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Web.Api.Common;
using ZealthyEmr.Web.Api.Prescriptions;

namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>The original patient portal's reads: its dashboard and a provider's free slots by name.</summary>
public static class OriginalPortalApi
{
    public static RouteGroupBuilder MapOriginalPortalApi(this RouteGroupBuilder api)
    {
        api.MapGet("/patient/dashboard", DashboardAsync).WithTags(OriginalContract.Tag).RequireAuthorization(ApiPolicies.User)
            .WithSummary("The signed-in patient's dashboard: visits and refills in the next 7 days")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/appointments/availability/{provider}", AvailabilityAsync).WithTags(OriginalContract.Tag).RequireAuthorization(ApiPolicies.User)
            .WithSummary("Free slots of a provider (name or id) on a clinic date")
            .WithDescription("Example: /api/appointments/availability/Dr%20Sally%20Field?date=2026-12-01. availableSlots are clinic wall-clock times (YYYY-MM-DDTHH:MM); post one back as the booking's datetime to book exactly that slot.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<OriginalDashboardDto>, ProblemHttpResult>> DashboardAsync(
        ClaimsPrincipal user, PatientPortalService portal, PrescriptionService prescriptions, ClinicCalendar calendar, CancellationToken ct)
    {
        if (await PatientAccess.PatientIdOfAsync(user, portal, ct) is not { } patientId)
        {
            return ApiProblems.Problem(ApiProblems.Forbidden, "Only a patient's login has a dashboard; the clinic reads /api/patients/{id}/dashboard.");
        }

        if (await portal.GetDashboardAsync(patientId, ct) is not { } dashboard)
        {
            return ApiProblems.NotFound("The patient");
        }

        var scripts = (await prescriptions.ListForPatientAsync(patientId, ct)).ToDictionary(p => p.Id);
        var refills = dashboard.Refills
            .Where(r => scripts.ContainsKey(r.PrescriptionId))
            .Select(r => scripts[r.PrescriptionId].ToDto() with { RefillOn = r.Date })
            .ToList();
        var profile = dashboard.Profile;
        return TypedResults.Ok(new OriginalDashboardDto(
            new OriginalPatientDto(profile.Id, profile.Name, profile.Email),
            [.. dashboard.Visits.Select(v => LoginSnapshot.ToDto(v, calendar))],
            refills));
    }

    private static async Task<Results<Ok<OriginalAvailabilityDto>, ProblemHttpResult>> AvailabilityAsync(
        string provider, string? date, CatalogNames names, ProviderDirectory directory, AvailabilityService availability, ClinicCalendar calendar, CancellationToken ct)
    {
        if (!ApiTime.TryParseDate(date, out var day))
        {
            return ApiProblems.Validation("date", "Send the date as ?date=YYYY-MM-DD, for example 2026-12-01.");
        }

        var resolved = await names.ProviderAsync(provider, null, OriginalContract.ProviderField, ct);
        if (!resolved.Succeeded)
        {
            return ApiProblems.From(resolved.Error!);
        }

        var summary = (await directory.ListAsync(activeOnly: false, ct)).FirstOrDefault(p => p.Id == resolved.Value);
        if (summary is null)
        {
            return ApiProblems.NotFound("The provider");
        }

        var slots = await availability.GetFreeSlotsAsync(summary.Id, day, ct);
        return TypedResults.Ok(new OriginalAvailabilityDto(
            summary.Name,
            summary.Id,
            ApiTime.Out(day),
            [.. slots.Select(s => calendar.ToLocal(s).ToString(OriginalContract.NaiveFormat, CultureInfo.InvariantCulture))],
            [.. slots.Select(calendar.ToOffset)]));
    }
}
