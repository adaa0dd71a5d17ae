using Microsoft.AspNetCore.Http.HttpResults;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Medications;
using ZealthyEmr.Web.Api.Common;
using ZealthyEmr.Web.Api.Legacy;

namespace ZealthyEmr.Web.Api.Medications;

/// <summary>The catalog. DELETE retires a medication: prescriptions keep naming it, so it is never removed.</summary>
public static class AdminMedicationsApi
{
    public static RouteGroupBuilder MapAdminMedicationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/medications").WithTags("Medications (admin)").RequireAuthorization(ApiPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", ListAsync).WithDescription("A bare array, paged with page and pageSize (default 100, at most 200); X-Total-Count and Link give the total and the other pages.");
        group.MapPost("/", CreateAsync).ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("Example body: { \"name\": \"Zoloft\", \"description\": \"Sertraline\", \"strengths\": [\"25mg\", \"50mg\"] } (or the original contract's \"dosages\" for the strengths).");
        group.MapGet("/{id:guid}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", UpdateAsync).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", RetireAsync).WithSummary("Retire the medication").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<List<MedicationDto>>, ProblemHttpResult>> ListAsync(
        HttpContext http, MedicationService medications, CancellationToken ct, int page = 1, int pageSize = BareArrayPaging.CatalogPageSize) =>
        BareArrayPaging.Check(page, pageSize) is { } invalid
            ? invalid
            : TypedResults.Ok(BareArrayPaging.Page(http, [.. (await medications.ListAsync(includeRetired: true, ct)).Select(ToDto)], page, pageSize));

    private static async Task<Results<Ok<MedicationDto>, ProblemHttpResult>> GetAsync(Guid id, MedicationService medications, CancellationToken ct) =>
        await medications.GetAsync(id, ct) is { } m ? TypedResults.Ok(ToDto(m)) : ApiProblems.NotFound("The medication");

    private static async Task<Results<Created<MedicationSavedDto>, ProblemHttpResult>> CreateAsync(MedicationRequest body, MedicationService medications, CancellationToken ct)
    {
        var created = await medications.CreateAsync(ToInput(body), ct);
        if (!created.Succeeded)
        {
            return ApiProblems.From(created.Error!);
        }

        if (body.IsRetired == true)
        {
            await medications.RetireAsync(created.Value, ct);
        }

        var row = await medications.GetAsync(created.Value, ct);
        return TypedResults.Created($"/api/admin/medications/{created.Value}", new MedicationSavedDto("Medication created.", ToDto(row!)));
    }

    private static async Task<Results<Ok<MedicationDto>, ProblemHttpResult>> UpdateAsync(Guid id, MedicationRequest body, MedicationService medications, CancellationToken ct)
    {
        var current = await medications.GetAsync(id, ct);
        if (current is null)
        {
            return ApiProblems.NotFound("The medication");
        }

        var updated = await medications.UpdateAsync(id, ToInput(body), body.Version ?? current.Version, ct);
        if (updated.Succeeded && body.IsRetired is { } retired && retired != current.IsRetired)
        {
            updated = retired ? await medications.RetireAsync(id, ct) : await medications.UnretireAsync(id, ct);
        }

        return updated.Succeeded && await medications.GetAsync(id, ct) is { } row
            ? TypedResults.Ok(ToDto(row))
            : ApiProblems.From(updated.Error ?? DomainError.NotFound("The medication"));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RetireAsync(Guid id, MedicationService medications, CancellationToken ct)
    {
        var retired = await medications.RetireAsync(id, ct);
        return retired.Succeeded ? TypedResults.NoContent() : ApiProblems.From(retired.Error!);
    }

    private static MedicationInput ToInput(MedicationRequest body) => new(body.Name ?? "", body.Description, body.Strengths ?? body.Dosages ?? []);

    private static MedicationDto ToDto(MedicationRow m) => new(m.Id, m.Name, m.Description, m.Strengths, m.IsRetired, m.Version);
}
