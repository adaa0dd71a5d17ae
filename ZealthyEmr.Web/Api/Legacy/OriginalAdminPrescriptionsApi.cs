using Microsoft.AspNetCore.Http.HttpResults;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Prescriptions;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Web.Api.Common;
using ZealthyEmr.Web.Api.Prescriptions;

namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>The original admin client's prescription routes under a patient, over the same service and checks as <c>/api/patients/{id}/prescriptions</c>.</summary>
public static class OriginalAdminPrescriptionsApi
{
    public static RouteGroupBuilder MapOriginalAdminPrescriptionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/patients/{id:guid}/prescriptions").WithTags(OriginalContract.Tag).RequireAuthorization(ApiPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithSummary("Prescribe a catalog medication (by name or id) to the patient")
            .WithDescription("Example body: { \"medication\": \"Diovan\", \"dosage\": \"25mg\", \"quantity\": 1, \"refill_on\": \"2026-12-01\", \"refill_schedule\": \"monthly\" }");
        group.MapPut("/{prescriptionId:guid}", UpdateAsync).WithSummary("Edit a prescription; absent fields stay as they are").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{prescriptionId:guid}", DeleteAsync).WithSummary("Mark the prescription entered in error; it stays on record, inactive");
        return api;
    }

    private static async Task<Results<Created<PrescriptionSavedDto>, ProblemHttpResult>> CreateAsync(
        Guid id, OriginalPrescriptionRequest body, CatalogNames names, PrescriptionService prescriptions, CancellationToken ct)
    {
        var input = await ToInputAsync(body, null, names, ct);
        if (!input.Succeeded)
        {
            return ApiProblems.From(input.Error!);
        }

        var created = await prescriptions.CreateAsync(id, input.Value!, ct);
        if (!created.Succeeded)
        {
            return ApiProblems.From(created.Error!);
        }

        return await prescriptions.GetAsync(created.Value, ct) is { } row
            ? TypedResults.Created($"/api/patients/{id}/prescriptions/{created.Value}", new PrescriptionSavedDto("Prescription created.", row.ToDto()))
            : ApiProblems.NotFound("The prescription");
    }

    private static async Task<Results<Ok<PrescriptionSavedDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, Guid prescriptionId, OriginalPrescriptionRequest body, CatalogNames names, PrescriptionService prescriptions, CancellationToken ct)
    {
        if (body is { Medication: null, MedicationId: null, Dosage: null, Quantity: null, RefillOn: null, RefillSchedule: null, EndDate: null })
        {
            return ApiProblems.Validation("body", "Send at least one of medication, dosage, quantity, refill_on, refill_schedule or endDate.");
        }

        var current = await prescriptions.GetAsync(prescriptionId, ct);
        if (current is null || current.PatientId != id)
        {
            return ApiProblems.NotFound("The prescription");
        }

        var input = await ToInputAsync(body, current, names, ct);
        if (!input.Succeeded)
        {
            return ApiProblems.From(input.Error!);
        }

        var updated = await prescriptions.UpdateAsync(prescriptionId, input.Value!, body.Version ?? current.Version, ct);
        return updated.Succeeded && await prescriptions.GetAsync(prescriptionId, ct) is { } row
            ? TypedResults.Ok(new PrescriptionSavedDto("Prescription updated.", row.ToDto()))
            : ApiProblems.From(updated.Error ?? DomainError.NotFound("The prescription"));
    }

    private static async Task<Results<Ok<MessageDto>, ProblemHttpResult>> DeleteAsync(Guid id, Guid prescriptionId, PrescriptionService prescriptions, CancellationToken ct)
    {
        if ((await prescriptions.GetAsync(prescriptionId, ct))?.PatientId != id)
        {
            return ApiProblems.NotFound("The prescription");
        }

        var deleted = await prescriptions.MarkEnteredInErrorAsync(prescriptionId, ct);
        return deleted.Succeeded ? TypedResults.Ok(new MessageDto("Prescription marked entered in error.")) : ApiProblems.From(deleted.Error!);
    }

    /// <summary>The body over <paramref name="current"/> (absent fields keep its values); the service checks dosage, quantity and dates.</summary>
    private static async Task<Result<PrescriptionInput>> ToInputAsync(OriginalPrescriptionRequest body, PrescriptionRow? current, CatalogNames names, CancellationToken ct)
    {
        var named = body.Medication is not null || body.MedicationId is not null || current is null;
        var medication = named ? await names.MedicationAsync(body.Medication, body.MedicationId, OriginalContract.MedicationField, ct) : current!.MedicationId;
        if (!medication.Succeeded)
        {
            return medication.Error!;
        }

        if ((body.Quantity ?? current?.Quantity) is not { } quantity)
        {
            return DomainError.Validation(PrescriptionService.QuantityField, "Enter the quantity.");
        }

        if ((body.RefillOn ?? current?.FirstRefill) is not { } firstRefill)
        {
            return DomainError.Validation("refill_on", "Enter the first refill date as YYYY-MM-DD.");
        }

        var schedule = current?.Schedule ?? default;
        if ((body.RefillSchedule is not null || current is null) && !ApiEnums.TryParse(body.RefillSchedule, out schedule))
        {
            return DomainError.Validation("refill_schedule", $"The refill schedule is one of {ApiEnums.Choices<RefillSchedule>()}.");
        }

        return new PrescriptionInput(medication.Value, body.Dosage ?? current?.Dosage ?? "", quantity, firstRefill, schedule, body.EndDate ?? current?.EndDate);
    }
}
