using System.Text.Json.Serialization;

namespace ZealthyEmr.Web.Api.Prescriptions;

/// <summary><see cref="RefillSchedule"/> is weekly or monthly; send <see cref="Version"/> on an edit to refuse a stale one.</summary>
public sealed record PrescriptionRequest(
    Guid? MedicationId,
    string? Dosage,
    int? Quantity,
    [property: JsonPropertyName("refill_on")] DateOnly? RefillOn,
    [property: JsonPropertyName("refill_schedule")] string? RefillSchedule,
    DateOnly? EndDate,
    Guid? Version);
