namespace ZealthyEmr.Domain.Changes;

/// <summary>
/// A hint that something committed changed; listeners re-read from the database, which stays the truth.
/// <see cref="Days"/> are clinic-local dates touched (for availability and schedule views).
/// </summary>
public sealed record EmrChange(ChangeKind Kind, Guid? PatientId = null, Guid? ProviderId = null, IReadOnlyList<DateOnly>? Days = null)
{
    public bool Touches(Guid? providerId = null, Guid? patientId = null, DateOnly? day = null) =>
        (providerId is null || ProviderId is null || ProviderId == providerId)
        && (patientId is null || PatientId is null || PatientId == patientId)
        && (day is null || Days is null || Days.Contains(day.Value));
}
