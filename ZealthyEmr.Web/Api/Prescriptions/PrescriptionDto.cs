using System.Text.Json.Serialization;

namespace ZealthyEmr.Web.Api.Prescriptions;

/// <summary><c>refill_on</c> (the first refill) and <c>refill_schedule</c> keep the original contract's names.</summary>
public record PrescriptionDto(
    Guid Id,
    string Medication,
    Guid MedicationId,
    string Dosage,
    int Quantity,
    [property: JsonPropertyName("refill_on")] DateOnly RefillOn,
    [property: JsonPropertyName("refill_schedule")] string RefillSchedule,
    DateOnly? EndDate,
    bool IsActive,
    DateOnly? NextRefill,
    Guid Version);
