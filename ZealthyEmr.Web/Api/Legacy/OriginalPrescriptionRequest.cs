using System.Text.Json.Serialization;

namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>
/// <see cref="Medication"/> is a catalog name or id (or send <see cref="MedicationId"/>); <see cref="RefillSchedule"/>
/// is weekly or monthly. On an edit, absent fields stay as they are.
/// </summary>
public sealed record OriginalPrescriptionRequest(
    string? Medication,
    Guid? MedicationId,
    string? Dosage,
    int? Quantity,
    [property: JsonPropertyName("refill_on")] DateOnly? RefillOn,
    [property: JsonPropertyName("refill_schedule")] string? RefillSchedule,
    DateOnly? EndDate,
    Guid? Version);
