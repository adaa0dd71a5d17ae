namespace ZealthyEmr.Domain.Patients;

/// <summary>The rows of one page and the number of patients matching the search across all pages.</summary>
public sealed record PatientPage(IReadOnlyList<PatientRow> Rows, int TotalCount, int Page, int PageSize);
