using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Prescriptions;

namespace ZealthyEmr.Domain.Search;

/// <summary>
/// The read choke point for patient lists: every patient a search lists (grid page, API page, picker) is a
/// disclosure of their name and contact details, so each is recorded as a buffered View, whichever provider searches.
/// A page asked with its records (<see cref="PatientQuery.WithRecords"/>) loads them here and records one View per
/// patient that says so (<see cref="PatientListViews.ListWithRecords"/>); its rows' aggregates are then taken from those
/// records (<see cref="PatientRecords.Summarize"/>), not queried a second time.
/// </summary>
internal sealed class AuditedPatientSearch(IPatientSearch inner, IAuditLog audit, SeriesQueries series, PrescriptionService prescriptions) : IPatientSearch
{
    public async Task<PatientPage> SearchAsync(PatientQuery query, CancellationToken ct = default)
    {
        var page = await inner.SearchAsync(query, ct);
        if (query.WithRecords)
        {
            var records = await RecordsAsync(page.Rows, ct);
            page = page with { Rows = [.. page.Rows.Select(row => records[row.Id].Summarize(row))], Records = records };
        }

        foreach (var row in page.Rows)
        {
            audit.RecordView(query.WithRecords ? PatientListViews.ListWithRecords : PatientListViews.List, row.Id.ToString(), row.Id);
        }

        return page;
    }

    public async Task<IReadOnlyList<PatientMatch>> SuggestAsync(string? text, int limit = 10, CancellationToken ct = default)
    {
        var matches = await inner.SuggestAsync(text, limit, ct);
        foreach (var match in matches)
        {
            audit.RecordView(PatientListViews.List, match.Id.ToString(), match.Id);
        }

        return matches;
    }

    private async Task<IReadOnlyDictionary<Guid, PatientRecords>> RecordsAsync(IReadOnlyList<PatientRow> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var appointments = await series.LoadForPatientsAsync(ids, ct);
        var scripts = await prescriptions.LoadForPatientsAsync(ids, ct);
        return ids.Distinct().ToDictionary(id => id, id => new PatientRecords(appointments[id], scripts[id]));
    }
}
