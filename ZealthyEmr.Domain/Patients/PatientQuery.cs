namespace ZealthyEmr.Domain.Patients;

/// <summary>
/// One page of the admin patient list; archived patients only with <see cref="IncludeArchived"/>, each patient's
/// appointments and prescriptions only with <see cref="WithRecords"/>. <see cref="Page"/> is 0-based;
/// <see cref="PageSize"/> is clamped to 1..200.
/// </summary>
public sealed record PatientQuery(
    int Page = 0, int PageSize = 25, string? Search = null, PatientSort SortBy = PatientSort.Name, bool Descending = false, bool IncludeArchived = false, bool WithRecords = false)
{
    public const int MaxPageSize = 200;
}
