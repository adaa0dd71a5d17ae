using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Web.Components.Shared;

namespace ZealthyEmr.Web.Components.Pages.Admin.Providers;

/// <summary>Editing a provider's name, specialty and active flag in the grid row, with the dialog's messages.</summary>
public partial class ProviderList
{
    // The field keys ProviderAdminService puts on its validation errors.
    private const string NameField = "name";
    private const string SpecialtyField = "specialty";

    private readonly InlineRowEdit<ProviderRowDraft> edit = new();
    private string conflictBy = "Someone else";

    [Inject]
    private LastChangeLookup LastChange { get; set; } = default!;

    private MudTextField<string>? firstCell;

    protected override Task OnAfterRenderAsync(bool firstRender) => FirstCellFocus.OfferAsync(JS, edit, firstCell);

    private void BeginEdit(ProviderDetails provider) => edit.Begin(provider.Id, ProviderRowDraft.From(provider), provider.Version);

    private void CancelEdit() => edit.End();

    private void Change(Func<ProviderRowDraft, ProviderRowDraft> change, string? field) => edit.Change(change, field);

    private Task OnEditKeyAsync(KeyboardEventArgs e, Guid id) => edit.OnKeyAsync(e, () => SaveRowAsync(id));

    private async Task SaveRowAsync(Guid id)
    {
        var draft = edit.Draft!;
        if (edit.Saving || !Validate(draft))
        {
            return;
        }

        edit.Saving = true;
        // Hours are not edited here; the stored ones go back unchanged, and the version check catches a concurrent hours edit.
        var stored = await Providers.GetAsync(id);
        if (stored is null)
        {
            Snackbar.Add("The provider was deleted by someone else.", Severity.Warning);
            edit.End();
            await ReloadAsync();
            return;
        }

        var result = await Providers.UpdateAsync(id, new ProviderInput(draft.Name, draft.Specialty, stored.Hours), edit.Version);
        if (result.Succeeded && draft.IsActive != stored.IsActive)
        {
            result = draft.IsActive ? await Providers.ReactivateAsync(id) : await Providers.DeactivateAsync(id);
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

    private bool Validate(ProviderRowDraft draft)
    {
        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            edit.SetError(NameField, "Enter the provider's name.");
        }

        if (string.IsNullOrWhiteSpace(draft.Specialty))
        {
            edit.SetError(SpecialtyField, "Enter the provider's specialty.");
        }

        return !edit.HasErrors;
    }

    private async Task ShowRefusalAsync(Guid id, DomainError error)
    {
        if (error.Code == ErrorCodes.Concurrency && await Providers.GetAsync(id) is { } latest)
        {
            conflictBy = await LastChange.LastUpdatedByAsync(nameof(Provider), id) ?? "Someone else";
            edit.Conflict(ProviderRowDraft.From(latest), latest.Version);
            return;
        }

        if (error.Code != ErrorCodes.Validation || !edit.ShowFieldErrors(error, NameField, SpecialtyField))
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
