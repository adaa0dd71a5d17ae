namespace ZealthyEmr.Web.Api.Patients;

/// <summary><see cref="Page"/> is 1-based.</summary>
public sealed record PatientPageDto(IReadOnlyList<PatientDto> Items, int TotalCount, int Page, int PageSize);
