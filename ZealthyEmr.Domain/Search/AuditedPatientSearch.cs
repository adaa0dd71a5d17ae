using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Patients;

namespace ZealthyEmr.Domain.Search;

/// <summary>
/// The read choke point for patient lists: every patient a search lists (grid page, API page, picker) is a
/// disclosure of their name and contact details, so each is recorded as a buffered View, whichever provider searches.
/// </summary>
internal sealed class AuditedPatientSearch(IPatientSearch inner, IAuditLog audit) : IPatientSearch
{
    public async Task<PatientPage> SearchAsync(PatientQuery query, CancellationToken ct = default)
    {
        var page = await inner.SearchAsync(query, ct);
        foreach (var row in page.Rows)
        {
            audit.RecordView("PatientList", row.Id.ToString(), row.Id);
        }

        return page;
    }

    public async Task<IReadOnlyList<PatientMatch>> SuggestAsync(string? text, int limit = 10, CancellationToken ct = default)
    {
        var matches = await inner.SuggestAsync(text, limit, ct);
        foreach (var match in matches)
        {
            audit.RecordView("PatientList", match.Id.ToString(), match.Id);
        }

        return matches;
    }
}
