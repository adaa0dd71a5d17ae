using Microsoft.AspNetCore.Components;
using MudBlazor;
using ZealthyEmr.Domain.Patients;

namespace ZealthyEmr.Web.Components.Pages.Admin.Patients;

/// <summary>
/// The grid's page, page size, sort, search and archived switch live in the address, so a reload, the back and
/// forward buttons and a shared link all land on the same view. The page is 1-based in the address, as people count.
/// </summary>
public partial class PatientGrid
{
    private const int DefaultPageSize = 25;

    private int currentPage;
    private int pageSize = DefaultPageSize;
    private PatientSort sortBy = PatientSort.Name;
    private bool descending;
    private (int?, int?, string?, bool?, string?, bool?)? lastAddress;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "page")]
    public int? PageQuery { get; set; }

    [SupplyParameterFromQuery(Name = "size")]
    public int? SizeQuery { get; set; }

    [SupplyParameterFromQuery(Name = "sort")]
    public string? SortQuery { get; set; }

    [SupplyParameterFromQuery(Name = "desc")]
    public bool? DescendingQuery { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? SearchQuery { get; set; }

    [SupplyParameterFromQuery(Name = "archived")]
    public bool? ArchivedQuery { get; set; }

    /// <summary>Back, forward or an edited address: take the view from the query and re-read when it differs from what is shown.</summary>
    protected override async Task OnParametersSetAsync()
    {
        // Parameters are also set when nothing in the address moved; only a moved address may change the view,
        // or a search typed a moment ago (not yet in the address) would be undone.
        var address = (PageQuery, SizeQuery, SortQuery, DescendingQuery, SearchQuery, ArchivedQuery);
        if (address == lastAddress)
        {
            return;
        }

        lastAddress = address;
        var page = Math.Max(0, (PageQuery ?? 1) - 1);
        var size = SizeQuery is { } s && PageSizes.Contains(s) ? s : DefaultPageSize;
        var sort = string.Equals(SortQuery, "email", StringComparison.OrdinalIgnoreCase) ? PatientSort.Email : PatientSort.Name;
        var fromAddress = (page, size, sort, DescendingQuery ?? false, string.IsNullOrWhiteSpace(SearchQuery) ? null : SearchQuery, ArchivedQuery ?? false);
        if (fromAddress == (currentPage, pageSize, sortBy, descending, search, showArchived))
        {
            return;
        }

        (currentPage, pageSize, sortBy, descending, search, showArchived) = fromAddress;
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
    }

    private static readonly int[] PageSizes = [10, 25, 50, 100];

    // Name ascending is the grid's unsorted order, so it shows no arrow; the first click on Name then sorts descending as before.
    private SortDirection InitialDirection(PatientSort column) =>
        sortBy != column || (column == PatientSort.Name && !descending) ? SortDirection.None
        : descending ? SortDirection.Descending : SortDirection.Ascending;

    /// <summary>Records the view the grid just loaded and, when it changed, adds it to the history.</summary>
    private void Remember(GridState<PatientRow> state, PatientSort sort, bool desc)
    {
        (currentPage, pageSize, sortBy, descending) = (state.Page, state.PageSize, sort, desc);
        var uri = Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["page"] = currentPage > 0 ? currentPage + 1 : null,
            ["size"] = pageSize != DefaultPageSize ? pageSize : null,
            ["sort"] = sortBy == PatientSort.Email ? "email" : null,
            ["desc"] = descending ? true : null,
            ["q"] = string.IsNullOrWhiteSpace(search) ? null : search,
            ["archived"] = showArchived ? true : null,
        });
        if (uri != Navigation.Uri)
        {
            Navigation.NavigateTo(uri);
        }
    }
}
