using Microsoft.AspNetCore.Components;
using MudBlazor;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Medications;

namespace ZealthyEmr.Web.Components.Pages.Admin.Medications;

public partial class MedicationList
{
    private IReadOnlyList<MedicationRow>? medications;

    [Inject]
    private MedicationService Medications { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override Task OnInitializedAsync() => ReloadAsync();

    protected override bool IsRelevant(EmrChange change) => change.Kind == ChangeKind.Medications;

    protected override async Task ReloadAsync() => medications = await Medications.ListAsync(includeRetired: true);

    private Task CreateAsync() => OpenEditorAsync(null);

    private Task EditAsync(MedicationRow medication) => OpenEditorAsync(medication);

    private async Task OpenEditorAsync(MedicationRow? medication)
    {
        var parameters = new DialogParameters<MedicationDialog> { { d => d.Medication, medication } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await Dialogs.ShowAsync<MedicationDialog>(medication is null ? "New medication" : $"Edit {medication.Name}", parameters, options);
        if (await dialog.Result is { Canceled: false })
        {
            await ReloadAsync();
        }
    }

    private async Task SetRetiredAsync(MedicationRow medication, bool retire)
    {
        var confirmed = retire
            ? await Dialogs.ShowMessageBoxAsync("Retire medication",
                $"Retire {medication.Name}? It can no longer be prescribed; existing prescriptions keep it.", yesText: "Retire", cancelText: "Cancel")
            : await Dialogs.ShowMessageBoxAsync("Unretire medication",
                $"Unretire {medication.Name}? It can be prescribed again.", yesText: "Unretire", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var result = retire ? await Medications.RetireAsync(medication.Id) : await Medications.UnretireAsync(medication.Id);
        Snackbar.Add(
            result.Succeeded ? $"{medication.Name} was {(retire ? "retired" : "unretired")}." : result.Error!.Message,
            result.Succeeded ? Severity.Success : Severity.Error);
        await ReloadAsync();
    }
}
