namespace ZealthyEmr.Domain.Patients;

/// <summary>
/// The rows of one page and the number of patients matching the search across all pages; <see cref="Records"/> has an
/// entry for every row when the query asked <see cref="PatientQuery.WithRecords"/>, and is null otherwise.
/// </summary>
public sealed record PatientPage(IReadOnlyList<PatientRow> Rows, int TotalCount, int Page, int PageSize)
{
    public IReadOnlyDictionary<Guid, PatientRecords>? Records { get; init; }
}
