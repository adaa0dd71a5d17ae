using ZealthyEmr.Domain.Patients;

namespace ZealthyEmr.Domain.Search;

/// <summary>
/// The one patient search: any part of the name, email, phone (digits), date of birth (clinic short date or ISO),
/// and the names of the patient's providers and medications. Matches are ranked: exact email or phone first, then
/// names starting with the text, then the rest; within a rank, in the query's sort. One implementation per provider.
/// </summary>
public interface IPatientSearch
{
    /// <summary>A page of the admin patient list; without <see cref="PatientQuery.Search"/> text, every patient.</summary>
    Task<PatientPage> SearchAsync(PatientQuery query, CancellationToken ct = default);

    /// <summary>The best <paramref name="limit"/> matches (1-50) for a picker, never archived patients; the first patients by name when nothing is typed.</summary>
    Task<IReadOnlyList<PatientMatch>> SuggestAsync(string? text, int limit = 10, CancellationToken ct = default);
}
