using Microsoft.AspNetCore.Http.HttpResults;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Web.Api.Common;
using ZealthyEmr.Web.Api.Legacy;

namespace ZealthyEmr.Web.Api.Providers;

public static class ProvidersApi
{
    public static RouteGroupBuilder MapProvidersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/providers").WithTags("Providers");
        // Public, as in the original contract: who the clinic's providers are is no secret, and only the four
        // directory fields go out. One query per call, rate limited per client address.
        group.MapGet("/", ListAsync).AllowAnonymous().RequireRateLimiting(ApiRateLimits.PublicRead)
            .WithSummary("The providers taking bookings (no sign-in needed)")
            .WithDescription("A bare array of { id, name, specialty, isActive }, paged with page and pageSize (default 100, at most 200); X-Total-Count and Link give the total and the other pages.");
        group.MapGet("/{provider:guid}/availability/{date}", AvailabilityAsync).RequireAuthorization(ApiPolicies.User)
            .WithSummary("Free slots of a provider on a clinic date (YYYY-MM-DD)")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<List<ProviderSummaryDto>>, ProblemHttpResult>> ListAsync(
        HttpContext http, ProviderDirectory directory, CancellationToken ct, int page = 1, int pageSize = BareArrayPaging.CatalogPageSize) =>
        BareArrayPaging.Check(page, pageSize) is { } invalid
            ? invalid
            : TypedResults.Ok(BareArrayPaging.Page(http, [.. (await directory.ListAsync(activeOnly: true, ct)).Select(p => new ProviderSummaryDto(p.Id, p.Name, p.Specialty, p.IsActive))], page, pageSize));

    private static async Task<Results<Ok<AvailabilityDto>, ProblemHttpResult>> AvailabilityAsync(
        Guid provider, string date, ProviderDirectory directory, AvailabilityService availability, ClinicCalendar calendar, CancellationToken ct)
    {
        if (!ApiTime.TryParseDate(date, out var day))
        {
            return ApiProblems.Validation("date", "Send the date as YYYY-MM-DD, for example 2026-12-01.");
        }

        if (!await directory.ExistsAsync(provider, ct))
        {
            return ApiProblems.NotFound("The provider");
        }

        var slots = await availability.GetFreeSlotsAsync(provider, day, ct);
        return TypedResults.Ok(new AvailabilityDto(provider, day, [.. slots.Select(calendar.ToOffset)]));
    }
}
