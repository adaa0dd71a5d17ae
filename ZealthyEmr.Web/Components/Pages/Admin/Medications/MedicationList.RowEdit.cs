using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Medications;
using ZealthyEmr.Web.Components.Shared;

namespace ZealthyEmr.Web.Components.Pages.Admin.Medications;

/// <summary>Editing a medication's name and whether it is in use in the grid row, with the dialog's messages.</summary>
public partial class MedicationList
{
    private readonly InlineRowEdit<MedicationRowDraft> edit = new();
    private string conflictBy = "Someone else";

    [Inject]
    private LastChangeLookup LastChange { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private MudTextField<string>? firstCell;

    protected override Task OnAfterRenderAsync(bool firstRender) => FirstCellFocus.OfferAsync(JS, edit, firstCell);

    private void BeginEdit(MedicationRow medication) => edit.Begin(medication.Id, MedicationRowDraft.From(medication), medication.Version);

    private void CancelEdit() => edit.End();

    private void Change(Func<MedicationRowDraft, MedicationRowDraft> change, string? field) => edit.Change(change, field);

    private Task OnEditKeyAsync(KeyboardEventArgs e, Guid id) => edit.OnKeyAsync(e, () => SaveRowAsync(id));

    private async Task SaveRowAsync(Guid id)
    {
        var draft = edit.Draft!;
        if (edit.Saving)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            edit.SetError(MedicationService.NameField, "Enter the medication's name.");
            return;
        }

        edit.Saving = true;
        // Description and strengths are not edited here; the stored ones go back unchanged, and the version check catches a concurrent edit of them.
        var stored = await Medications.GetAsync(id);
        if (stored is null)
        {
            Snackbar.Add("The medication was deleted by someone else.", Severity.Warning);
            edit.End();
            await ReloadAsync();
            return;
        }

        var result = await Medications.UpdateAsync(id, new MedicationInput(draft.Name, stored.Description, stored.Strengths), edit.Version);
        if (result.Succeeded && draft.InUse == stored.IsRetired)
        {
            result = draft.InUse ? await Medications.UnretireAsync(id) : await Medications.RetireAsync(id);
        }

        edit.Saving = false;
        if (result.Succeeded)
        {
            Snackbar.Add($"{draft.Name.Trim()} was saved.", Severity.Success);
            edit.End();
            await ReloadAsync();
            return;
        }

        await ShowRefusalAsync(id, result.Error!);
    }

    private async Task ShowRefusalAsync(Guid id, DomainError error)
    {
        if (error.Code == ErrorCodes.Concurrency && await Medications.GetAsync(id) is { } latest)
        {
            conflictBy = await LastChange.LastUpdatedByAsync(nameof(Medication), id) ?? "Someone else";
            edit.Conflict(MedicationRowDraft.From(latest), latest.Version);
            return;
        }

        if (!edit.ShowFieldErrors(error, MedicationService.NameField))
        {
            Snackbar.Add(error.Message, Severity.Error);
        }
    }

    private Task KeepMineAsync()
    {
        edit.KeepMine();
        return SaveRowAsync(edit.RowId!.Value);
    }

    private void TakeTheirs()
    {
        edit.TakeTheirs();
        edit.End();
    }
}
