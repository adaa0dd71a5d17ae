using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Prescriptions;

namespace ZealthyEmr.Web.Components.Pages.Admin.Patients;

/// <summary>One patient for the clinic team: details, the next 3 months, series and prescriptions. The front desk (staff) schedules; admins also change the record.</summary>
public partial class PatientDetailsPage
{
    private PatientDetails? details;
    private PatientStats? stats;
    private IReadOnlyList<PatientVisit> visits = [];
    private IReadOnlyList<SeriesRow> series = [];
    private IReadOnlyList<PrescriptionRow> prescriptions = [];
    private List<BreadcrumbItem> crumbs = [];
    private bool isAdmin;
    private string actorUserId = "";
    private bool isFrontDesk;
    private string userName = "Clinic";
    private bool notFound;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private PatientAdminService Patients { get; set; } = default!;

    [Inject]
    private PatientArchiveService Archive { get; set; } = default!;

    [Inject]
    private PatientPortalService Portal { get; set; } = default!;

    [Inject]
    private SeriesQueries Series { get; set; } = default!;

    [Inject]
    private PrescriptionService Prescriptions { get; set; } = default!;

    [Inject]
    private ClinicCalendar Calendar { get; set; } = default!;

    [Inject]
    private ClinicFormat Format { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var user = (await AuthenticationState).User;
        isAdmin = user.IsInRole(Roles.Admin);
        actorUserId = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "";
        isFrontDesk = isAdmin || user.IsInRole(Roles.Staff);
        userName = user.Identity?.Name ?? "Clinic";
        await ReloadAsync();
    }

    protected override bool IsRelevant(EmrChange change) =>
        change.Kind is not (ChangeKind.Providers or ChangeKind.Medications) ? change.Touches(patientId: Id) : true;

    protected override async Task ReloadAsync()
    {
        details = await Patients.GetAsync(Id);
        notFound = details is null;
        if (details is null)
        {
            return;
        }

        stats = await Patients.GetStatsAsync(Id);
        visits = await Portal.GetUpcomingVisitsAsync(Id, Calendar.ToUtc(Calendar.LocalNow.Date.AddMonths(3)));
        series = await Series.ListRecurringForPatientAsync(Id);
        prescriptions = await Prescriptions.ListForPatientAsync(Id);
        // The h1 names the patient; a greyed-out, disabled last crumb repeated it below the contrast minimum.
        crumbs = [new("Patients", "/admin")];
    }

    private async Task EditAsync()
    {
        var parameters = new DialogParameters<PatientDialog> { { d => d.PatientId, Id } };
        var dialog = await Dialogs.ShowAsync<PatientDialog>($"Edit {details?.Name}", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("Patient saved.", Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task ArchiveAsync()
    {
        if (await PatientArchiving.ConfirmAndArchiveAsync(Id, Archive, Dialogs, Snackbar))
        {
            Navigation.NavigateTo("/admin");
        }
    }

    private async Task RestoreAsync()
    {
        if (details is not null && await PatientArchiving.RestoreAsync(Id, details.Name, Archive, Snackbar))
        {
            await ReloadAsync();
        }
    }
}
