using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Search;
using ZealthyEmr.Web.Api.Common;
using ZealthyEmr.Web.Api.Legacy;

namespace ZealthyEmr.Web.Api.Patients;

public static class AdminPatientsApi
{
    public static RouteGroupBuilder MapAdminPatientsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/patients").WithTags("Patients (admin)").RequireAuthorization(ApiPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", SearchAsync).WithSummary("Page through patients; search matches any part of name, email, phone, date of birth, providers or medications")
            .WithDescription("A bare array of patients with their appointments and prescriptions (the original contract); X-Total-Count and Link (first, prev, next, last) headers give the total and the other pages.");
        group.MapPost("/", CreateAsync).WithSummary("Create a patient and their login").ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("Example body: { \"name\": \"Ann Lee\", \"email\": \"ann@example.com\", \"password\": \"Lantern-Orbit-Maple-42\", \"dateOfBirth\": \"1980-02-01\" }");
        group.MapGet("/{id:guid}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", UpdateAsync).WithDescription("Absent or empty fields stay as they are; a password sets the login's new password.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Archive the patient: hidden, unable to sign in, every record kept")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/restore", RestoreAsync).WithSummary("Restore an archived patient and their sign-in")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/purge", PurgeAsync)
            .WithSummary("Remove for good the patients archived longer than Audit:PurgeArchivedAfterYears, with all their data");
        return api;
    }

    private static async Task<Results<Ok<List<PatientDto>>, ProblemHttpResult>> SearchAsync(
        HttpContext http, IPatientSearch patients, PatientViews views, CancellationToken ct, int page = 1, int pageSize = 25, string? search = null, bool includeArchived = false)
    {
        if (page < 1 || page > 1_000_000)
        {
            return ApiProblems.Validation("page", "The page starts at 1.");
        }

        if (pageSize is < 1 or > PatientQuery.MaxPageSize)
        {
            return ApiProblems.Validation("pageSize", $"The page size is between 1 and {PatientQuery.MaxPageSize}.");
        }

        if (search is { Length: > 200 })
        {
            return ApiProblems.Validation("search", "The search can be at most 200 characters.");
        }

        var result = await patients.SearchAsync(new PatientQuery(page - 1, pageSize, search, IncludeArchived: includeArchived, WithRecords: true), ct);
        var rows = views.ToDtosWithRecords(result);
        BareArrayPaging.WriteHeaders(http, page, pageSize, result.TotalCount);
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Ok<PatientDto>, ProblemHttpResult>> GetAsync(Guid id, PatientViews views, CancellationToken ct) =>
        await views.GetAsync(id, ct) is { } patient ? TypedResults.Ok(patient) : ApiProblems.NotFound("The patient");

    private static async Task<Results<Created<PatientSavedDto>, ProblemHttpResult>> CreateAsync(
        PatientCreateRequest body, PatientAdminService patients, PatientViews views, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body.Password))
        {
            return ApiProblems.Validation("password", "Enter the patient's first password.");
        }

        var created = await patients.CreateAsync(new PatientInput(body.Name ?? "", body.Email ?? "", body.DateOfBirth, body.Phone), body.Password, ct);
        if (!created.Succeeded)
        {
            return ApiProblems.From(created.Error!);
        }

        var patient = await views.GetAsync(created.Value, ct);
        return TypedResults.Created($"/api/admin/patients/{created.Value}", new PatientSavedDto("Patient created.", patient!));
    }

    private static async Task<Results<Ok<PatientSavedDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, PatientUpdateRequest body, PatientAdminService patients, UserManager<EmrUser> users, PatientViews views, CancellationToken ct)
    {
        var updated = await PatientEdits.UpdateAsync(id, body, patients, users, ct);
        return updated.Succeeded && await views.GetAsync(id, ct) is { } patient
            ? TypedResults.Ok(new PatientSavedDto("Patient updated.", patient))
            : ApiProblems.From(updated.Error ?? Domain.Common.DomainError.NotFound("The patient"));
    }

    private static async Task<Results<Ok<MessageDto>, ProblemHttpResult>> DeleteAsync(Guid id, PatientArchiveService archive, CancellationToken ct)
    {
        var archived = await archive.ArchiveAsync(id, ct);
        return archived.Succeeded ? TypedResults.Ok(new MessageDto("Patient archived.")) : ApiProblems.From(archived.Error!);
    }

    private static async Task<Results<Ok<PatientDto>, ProblemHttpResult>> RestoreAsync(Guid id, PatientArchiveService archive, PatientViews views, CancellationToken ct)
    {
        var restored = await archive.RestoreAsync(id, ct);
        return restored.Succeeded && await views.GetAsync(id, ct) is { } patient ? TypedResults.Ok(patient) : ApiProblems.From(restored.Error ?? Domain.Common.DomainError.NotFound("The patient"));
    }

    private static async Task<Ok<PurgeResultDto>> PurgeAsync(PatientArchiveService archive, CancellationToken ct)
    {
        var purged = await archive.PurgeAsync(ct);
        return TypedResults.Ok(new PurgeResultDto(purged.PatientIds.Count, purged.PatientIds, new DateTimeOffset(purged.ArchivedBeforeUtc, TimeSpan.Zero)));
    }
}
