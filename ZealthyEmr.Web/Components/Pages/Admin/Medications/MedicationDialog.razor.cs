using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Medications;

namespace ZealthyEmr.Web.Components.Pages.Admin.Medications;

/// <summary>Creates or edits a medication. Closes with its id once saved; refusals stay in the dialog, next to the field.</summary>
public partial class MedicationDialog
{
    private const string DescriptionField = "description";

    private MudForm form = default!;
    private MedicationForm model = new();
    private Guid version;
    private string newStrength = "";
    private string? nameError;
    private string? descriptionError;
    private string? strengthsError;
    private string? conflict;
    private bool saving;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>The medication to edit; null creates a new one.</summary>
    [Parameter]
    public MedicationRow? Medication { get; set; }

    [Inject]
    private MedicationService Medications { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override void OnInitialized()
    {
        model = MedicationForm.From(Medication);
        version = Medication?.Version ?? Guid.Empty;
    }

    private void AddStrength()
    {
        var strength = newStrength.Trim();
        if (strength.Length == 0)
        {
            return;
        }

        if (!model.Strengths.Contains(strength, StringComparer.OrdinalIgnoreCase))
        {
            model.Strengths.Add(strength);
        }

        newStrength = "";
        strengthsError = null;
    }

    private void OnStrengthKeyDown(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            AddStrength();
        }
    }

    private void RemoveStrength(MudChip<string> chip)
    {
        model.Strengths.Remove(chip.Value!);
        strengthsError = null;
    }

    private void Cancel() => Dialog.Cancel();

    private async Task SaveAsync()
    {
        // A strength typed but not yet added is surely meant to be saved too.
        AddStrength();
        await form.ValidateAsync();
        if (saving || !form.IsValid)
        {
            return;
        }

        saving = true;
        (nameError, descriptionError, strengthsError, conflict) = (null, null, null, null);
        var input = model.ToInput();
        var result = Medication is null
            ? await Medications.CreateAsync(input)
            : await Medications.UpdateAsync(Medication.Id, input, version);
        saving = false;
        if (result.Succeeded)
        {
            Snackbar.Add($"{input.Name.Trim()} was saved.", Severity.Success);
            Dialog.Close(DialogResult.Ok(Medication?.Id ?? result.Value));
            return;
        }

        Show(result.Error!);
    }

    private void Show(DomainError error)
    {
        if (error.Code == ErrorCodes.Concurrency)
        {
            conflict = error.Message;
            return;
        }

        nameError = FieldError(error, MedicationService.NameField);
        descriptionError = FieldError(error, DescriptionField);
        strengthsError = FieldError(error, MedicationService.StrengthsField);
        if (nameError is null && descriptionError is null && strengthsError is null)
        {
            Snackbar.Add(error.Message, Severity.Error);
        }
    }

    /// <summary>Re-reads the medication after a stale save, replacing the form with what is stored now.</summary>
    private async Task ReloadAsync()
    {
        var latest = Medication is null ? null : await Medications.GetAsync(Medication.Id);
        if (latest is null)
        {
            Snackbar.Add("The medication is no longer there.", Severity.Warning);
            Dialog.Cancel();
            return;
        }

        model = MedicationForm.From(latest);
        version = latest.Version;
        (nameError, descriptionError, strengthsError, conflict) = (null, null, null, null);
    }

    private static string? FieldError(DomainError error, string field) =>
        error.Fields is { } fields && fields.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
