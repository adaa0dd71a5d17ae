using Microsoft.AspNetCore.Components;
using MudBlazor;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Clinic;

namespace ZealthyEmr.Web.Audit;

/// <summary>
/// The admin audit log: server-paged and filtered in the database, a CSV export through <see cref="AuditExportEndpoints"/>
/// (a plain download the browser saves), and the chain verification.
/// </summary>
public partial class AuditLogPage
{
    private MudDataGrid<AuditRow>? grid;
    private string? patient;
    private string? user;
    private AuditAction? action;
    private DateRange? range;
    private bool verifying;
    private AuditVerification? verification;

    [Inject]
    private AuditTrailService Trail { get; set; } = default!;

    [Inject]
    private AuditChainVerifier Verifier { get; set; } = default!;

    [Inject]
    private ClinicCalendar Calendar { get; set; } = default!;

    private AuditQuery Query(int page = 0, int pageSize = 50) => new(
        page, pageSize, patient, user, action,
        range?.Start is { } from ? DateOnly.FromDateTime(from) : null,
        range?.End is { } to ? DateOnly.FromDateTime(to) : null);

    private string ExportHref => AuditExportEndpoints.Href(Query());

    private async Task<GridData<AuditRow>> LoadAsync(GridState<AuditRow> state, CancellationToken ct)
    {
        var page = await Trail.SearchAsync(Query(state.Page, state.PageSize), ct);
        return new GridData<AuditRow> { Items = page.Rows, TotalItems = page.TotalCount };
    }

    private Task OnPatientAsync(string? value) => ReloadAsync(() => patient = value);

    private Task OnUserAsync(string? value) => ReloadAsync(() => user = value);

    private Task OnActionAsync(AuditAction? value) => ReloadAsync(() => action = value);

    private Task OnRangeAsync(DateRange? value) => ReloadAsync(() => range = value);

    private async Task ReloadAsync(Action apply)
    {
        apply();
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
    }

    private async Task VerifyAsync()
    {
        verifying = true;
        verification = null;
        try
        {
            verification = await Verifier.VerifyAsync();
        }
        finally
        {
            verifying = false;
        }
    }
}
