using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Web.Components.Shared;

namespace ZealthyEmr.Web.Components.Pages.Admin.Patients;

/// <summary>
/// Editing a patient's name, email, phone and date of birth in the grid row, through the same service (and so the
/// same checks, audit and search index) as the patient dialog. Admins only: staff see no edit button, and a save
/// from a staff circuit is refused here too.
/// </summary>
public partial class PatientGrid
{
    // The field keys PatientAdminService puts on its validation errors.
    private const string NameField = "name";
    private const string EmailField = "email";
    private const string PhoneField = "phone";
    private const string BirthField = "dateOfBirth";

    private readonly InlineRowEdit<PatientRowDraft> edit = new();
    private string conflictBy = "Someone else";

    [Inject]
    private LastChangeLookup LastChange { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private MudTextField<string>? firstCell;

    protected override Task OnAfterRenderAsync(bool firstRender) => FirstCellFocus.OfferAsync(JS, edit, firstCell);

    private void BeginEdit(PatientRow row)
    {
        if (isAdmin)
        {
            edit.Begin(row.Id, PatientRowDraft.From(row, Format), row.Version);
        }
    }

    private Task OnEditKeyAsync(KeyboardEventArgs e, Guid id) => edit.OnKeyAsync(e, () => SaveRowAsync(id));

    private async Task SaveRowAsync(Guid id)
    {
        if (!isAdmin)
        {
            edit.End();
            Snackbar.Add("Only an admin can change a patient's details.", Severity.Error);
            return;
        }

        var draft = edit.Draft!;
        if (edit.Saving || !Validate(draft, out var born))
        {
            return;
        }

        edit.Saving = true;
        var result = await Patients.UpdateAsync(id, new PatientInput(draft.Name, draft.Email, born, draft.Phone), edit.Version);
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

    /// <summary>The dialog's own required-field messages; everything else is the service's to say.</summary>
    private bool Validate(PatientRowDraft draft, out DateOnly? born)
    {
        born = null;
        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            edit.SetError(NameField, "Enter the patient's name.");
        }

        if (string.IsNullOrWhiteSpace(draft.Email))
        {
            edit.SetError(EmailField, "Enter an email address.");
        }

        if (!string.IsNullOrWhiteSpace(draft.BirthDate))
        {
            if (DateOnly.TryParse(draft.BirthDate.Trim(), Format.Culture, DateTimeStyles.None, out var date))
            {
                born = date;
            }
            else
            {
                edit.SetError(BirthField, $"Enter the date of birth as {Format.ShortDatePattern.ToLowerInvariant()}.");
            }
        }

        return !edit.HasErrors;
    }

    private async Task ShowRefusalAsync(Guid id, DomainError error)
    {
        if (error.Code == ErrorCodes.Concurrency && await Patients.GetAsync(id) is { } latest)
        {
            conflictBy = await LastChange.LastUpdatedByAsync(nameof(Patient), id) ?? "Someone else";
            edit.Conflict(PatientRowDraft.From(latest, Format), latest.Version);
            return;
        }

        if (error.Code == ErrorCodes.NotFound)
        {
            edit.End();
            await ReloadAsync();
        }

        if (!edit.ShowFieldErrors(error, NameField, EmailField, PhoneField, BirthField))
        {
            Snackbar.Add(error.Message, Severity.Error);
        }
    }

    private Task KeepMineAsync()
    {
        edit.KeepMine();
        return SaveRowAsync(edit.RowId!.Value);
    }

    /// <summary>Drops what was typed and re-reads the page, so the row shows what is stored.</summary>
    private async Task TakeTheirsAsync()
    {
        edit.End();
        await ReloadAsync();
    }
}
