using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Prescriptions;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Web.Api.Common;

namespace ZealthyEmr.Web.Api.Prescriptions;

/// <summary>Read: the patient themself or an Admin. Write: Admin.</summary>
public static class PatientPrescriptionsApi
{
    public static RouteGroupBuilder MapPatientPrescriptionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/patients/{id:guid}/prescriptions").WithTags("Prescriptions").RequireAuthorization(ApiPolicies.User)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync)
            .WithDescription("Example body: { \"medicationId\": \"…\", \"dosage\": \"5mg\", \"quantity\": 2, \"refill_on\": \"2026-12-01\", \"refill_schedule\": \"monthly\" }");
        group.MapPut("/{prescriptionId:guid}", UpdateAsync).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{prescriptionId:guid}", DeleteAsync).WithSummary("Mark the prescription entered in error; it stays on record, inactive");
        return api;
    }

    private static async Task<Results<Ok<List<PrescriptionDto>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, PatientPortalService portal, PatientAdminService patients, PrescriptionService prescriptions, CancellationToken ct)
    {
        if (await PatientAccess.CheckAsync(id, user, portal, ct) is { } denied)
        {
            return denied;
        }

        if (await patients.GetAsync(id, ct) is null)
        {
            return ApiProblems.NotFound("The patient");
        }

        return TypedResults.Ok((await prescriptions.ListForPatientAsync(id, ct)).Select(p => p.ToDto()).ToList());
    }

    private static async Task<Results<Created<PrescriptionDto>, ProblemHttpResult>> CreateAsync(
        Guid id, PrescriptionRequest body, ClaimsPrincipal user, PrescriptionService prescriptions, CancellationToken ct)
    {
        if (PatientAccess.RequireAdmin(user) is { } denied)
        {
            return denied;
        }

        var input = ToInput(body);
        if (!input.Succeeded)
        {
            return ApiProblems.From(input.Error!);
        }

        var created = await prescriptions.CreateAsync(id, input.Value!, ct);
        if (!created.Succeeded)
        {
            return ApiProblems.From(created.Error!);
        }

        var row = await prescriptions.GetAsync(created.Value, ct);
        return TypedResults.Created($"/api/patients/{id}/prescriptions/{created.Value}", row!.ToDto());
    }

    private static async Task<Results<Ok<PrescriptionDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, Guid prescriptionId, PrescriptionRequest body, ClaimsPrincipal user, PrescriptionService prescriptions, CancellationToken ct)
    {
        if (PatientAccess.RequireAdmin(user) is { } denied)
        {
            return denied;
        }

        var current = await prescriptions.GetAsync(prescriptionId, ct);
        if (current is null || current.PatientId != id)
        {
            return ApiProblems.NotFound("The prescription");
        }

        var input = ToInput(body);
        if (!input.Succeeded)
        {
            return ApiProblems.From(input.Error!);
        }

        var updated = await prescriptions.UpdateAsync(prescriptionId, input.Value!, body.Version ?? current.Version, ct);
        return updated.Succeeded && await prescriptions.GetAsync(prescriptionId, ct) is { } row
            ? TypedResults.Ok(row.ToDto())
            : ApiProblems.From(updated.Error ?? DomainError.NotFound("The prescription"));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, Guid prescriptionId, ClaimsPrincipal user, PrescriptionService prescriptions, CancellationToken ct)
    {
        if (PatientAccess.RequireAdmin(user) is { } denied)
        {
            return denied;
        }

        if ((await prescriptions.GetAsync(prescriptionId, ct))?.PatientId != id)
        {
            return ApiProblems.NotFound("The prescription");
        }

        var deleted = await prescriptions.MarkEnteredInErrorAsync(prescriptionId, ct);
        return deleted.Succeeded ? TypedResults.NoContent() : ApiProblems.From(deleted.Error!);
    }

    /// <summary>Presence and shape here; the service checks the dosage against the medication, the quantity and the dates.</summary>
    private static Result<PrescriptionInput> ToInput(PrescriptionRequest body)
    {
        if (body.MedicationId is not { } medicationId)
        {
            return DomainError.Validation(PrescriptionService.MedicationField, "Choose a medication from the catalog.");
        }

        if (body.Quantity is not { } quantity)
        {
            return DomainError.Validation(PrescriptionService.QuantityField, "Enter the quantity.");
        }

        if (body.RefillOn is not { } firstRefill)
        {
            return DomainError.Validation("refill_on", "Enter the first refill date as YYYY-MM-DD.");
        }

        if (!ApiEnums.TryParse<RefillSchedule>(body.RefillSchedule, out var schedule))
        {
            return DomainError.Validation("refill_schedule", $"The refill schedule is one of {ApiEnums.Choices<RefillSchedule>()}.");
        }

        return new PrescriptionInput(medicationId, body.Dosage ?? "", quantity, firstRefill, schedule, body.EndDate);
    }
}
