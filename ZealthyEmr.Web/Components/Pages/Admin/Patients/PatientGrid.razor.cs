using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Search;

namespace ZealthyEmr.Web.Components.Pages.Admin.Patients;

/// <summary>
/// The clinic's patient list: paged, sorted and searched in the database, and re-read when anything a
/// row shows changes anywhere, keeping the user's page, sort and search.
/// </summary>
public partial class PatientGrid
{
    private MudDataGrid<PatientRow>? grid;
    private string? search;
    private bool isAdmin;
    private bool showArchived;

    [Inject]
    private PatientAdminService Patients { get; set; } = default!;

    [Inject]
    private IPatientSearch Search { get; set; } = default!;

    [Inject]
    private PatientArchiveService Archive { get; set; } = default!;

    [Inject]
    private ClinicCalendar Calendar { get; set; } = default!;

    [Inject]
    private IOptions<SearchOptions> SearchOptions { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync() =>
        isAdmin = (await AuthenticationState).User.IsInRole(Roles.Admin);

    protected override bool IsRelevant(EmrChange change) => true;

    protected override Task ReloadAsync() => grid?.ReloadServerData() ?? Task.CompletedTask;

    private async Task<GridData<PatientRow>> LoadAsync(GridState<PatientRow> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var sortBy = sort?.SortBy == nameof(PatientRow.Email) ? PatientSort.Email : PatientSort.Name;
        var query = new PatientQuery(state.Page, state.PageSize, search, sortBy, sort?.Descending ?? false, showArchived);
        Remember(state, sortBy, query.Descending);
        var page = await Search.SearchAsync(query, ct);
        return new GridData<PatientRow> { Items = page.Rows, TotalItems = page.TotalCount };
    }

    // In the culture a date of birth is searched in, so the typed date is what gets highlighted.
    private string? BirthDate(PatientRow row) =>
        row.DateOfBirth?.ToString("d", CultureInfo.GetCultureInfo(SearchOptions.Value.Culture));

    private async Task OnSearchAsync(string? value)
    {
        search = value;
        await FromFirstPageAsync();
    }

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<PatientDialog>("New patient", new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("Patient created. They can sign in to the portal now.", Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task OnShowArchivedAsync(bool value)
    {
        showArchived = value;
        await FromFirstPageAsync();
    }

    /// <summary>A new search or filter starts at page 1; page 2 of the old results may not exist in the new ones.</summary>
    private async Task FromFirstPageAsync()
    {
        if (grid is null)
        {
            return;
        }

        if (grid.CurrentPage != 0)
        {
            grid.NavigateTo(Page.First);
        }

        await grid.ReloadServerData();
    }

    private async Task ArchiveAsync(PatientRow row)
    {
        if (await PatientArchiving.ConfirmAndArchiveAsync(row.Id, Archive, Dialogs, Snackbar))
        {
            await ReloadAsync();
        }
    }

    private async Task RestoreAsync(PatientRow row)
    {
        if (await PatientArchiving.RestoreAsync(row.Id, row.Name, Archive, Snackbar))
        {
            await ReloadAsync();
        }
    }

    private async Task PurgeAsync()
    {
        if (await PatientArchiving.ConfirmAndPurgeAsync(Archive, Dialogs, Snackbar))
        {
            await ReloadAsync();
        }
    }
}
