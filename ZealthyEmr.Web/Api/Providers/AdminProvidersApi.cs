using Microsoft.AspNetCore.Http.HttpResults;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Web.Api.Common;
using ZealthyEmr.Web.Api.Legacy;

namespace ZealthyEmr.Web.Api.Providers;

public static class AdminProvidersApi
{
    public static RouteGroupBuilder MapAdminProvidersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/providers").WithTags("Providers (admin)").RequireAuthorization(ApiPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", ListAsync).WithDescription("A bare array, paged with page and pageSize (default 100, at most 200); X-Total-Count and Link give the total and the other pages.");
        group.MapPost("/", CreateAsync)
            .WithDescription("Example body: { \"name\": \"Dr Ann Lee\", \"specialty\": \"Cardiology\", \"hours\": [{ \"day\": \"monday\", \"start\": \"09:00\", \"end\": \"17:00\" }] }");
        group.MapGet("/{id:guid}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", UpdateAsync).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("New hours that would leave upcoming visits outside them are refused with 409 STRANDED_VISITS.");
        group.MapDelete("/{id:guid}", DeleteAsync).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("A provider with visits or series is refused with 409 IN_USE; deactivate them instead (PUT with isActive false).");
        return api;
    }

    private static async Task<Results<Ok<List<ProviderDto>>, ProblemHttpResult>> ListAsync(
        HttpContext http, ProviderAdminService providers, CancellationToken ct, int page = 1, int pageSize = BareArrayPaging.CatalogPageSize) =>
        BareArrayPaging.Check(page, pageSize) is { } invalid
            ? invalid
            : TypedResults.Ok(BareArrayPaging.Page(http, [.. (await providers.ListAsync(ct)).Select(p => p.ToDto())], page, pageSize));

    private static async Task<Results<Ok<ProviderDto>, ProblemHttpResult>> GetAsync(Guid id, ProviderAdminService providers, CancellationToken ct) =>
        await providers.GetAsync(id, ct) is { } p ? TypedResults.Ok(p.ToDto()) : ApiProblems.NotFound("The provider");

    private static async Task<Results<Created<ProviderSavedDto>, ProblemHttpResult>> CreateAsync(ProviderRequest body, ProviderAdminService providers, CancellationToken ct)
    {
        var input = body.ToInput();
        if (!input.Succeeded)
        {
            return ApiProblems.From(input.Error!);
        }

        var created = await providers.CreateAsync(input.Value!, ct);
        if (!created.Succeeded)
        {
            return ApiProblems.From(created.Error!);
        }

        if (body.IsActive == false)
        {
            await providers.DeactivateAsync(created.Value, ct);
        }

        var provider = await providers.GetAsync(created.Value, ct);
        return TypedResults.Created($"/api/admin/providers/{created.Value}", new ProviderSavedDto("Provider created.", provider!.ToDto()));
    }

    private static async Task<Results<Ok<ProviderDto>, ProblemHttpResult>> UpdateAsync(Guid id, ProviderRequest body, ProviderAdminService providers, CancellationToken ct)
    {
        var input = body.ToInput();
        if (!input.Succeeded)
        {
            return ApiProblems.From(input.Error!);
        }

        var current = await providers.GetAsync(id, ct);
        if (current is null)
        {
            return ApiProblems.NotFound("The provider");
        }

        var updated = await providers.UpdateAsync(id, input.Value!, body.Version ?? current.Version, ct);
        if (updated.Succeeded && body.IsActive is { } active && active != current.IsActive)
        {
            updated = active ? await providers.ReactivateAsync(id, ct) : await providers.DeactivateAsync(id, ct);
        }

        return updated.Succeeded && await providers.GetAsync(id, ct) is { } provider
            ? TypedResults.Ok(provider.ToDto())
            : ApiProblems.From(updated.Error ?? DomainError.NotFound("The provider"));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, ProviderAdminService providers, CancellationToken ct)
    {
        var deleted = await providers.DeleteAsync(id, ct);
        return deleted.Succeeded ? TypedResults.NoContent() : ApiProblems.From(deleted.Error!);
    }
}
