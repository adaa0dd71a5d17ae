using Microsoft.AspNetCore.Components;
using MudBlazor;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Providers;

namespace ZealthyEmr.Web.Components.Pages.Admin.Providers;

/// <summary>Creates or edits a provider. Closes with the provider's id once saved; refusals stay in the dialog.</summary>
public partial class ProviderDialog
{
    // The field keys ProviderAdminService puts on its validation errors.
    private const string NameField = "name";
    private const string SpecialtyField = "specialty";
    private const string HoursField = "hours";

    private MudForm form = default!;
    private ProviderForm model = ProviderForm.New();
    private Guid version;
    private IReadOnlyList<TimeOnly> startTimes = [];
    private IReadOnlyList<TimeOnly> endTimes = [];
    private string? nameError;
    private string? specialtyError;
    private string? hoursError;
    private string? stranded;
    private string? conflict;
    private bool saving;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>The provider to edit; null creates a new one.</summary>
    [Parameter]
    public ProviderDetails? Provider { get; set; }

    [Inject]
    private ProviderAdminService Providers { get; set; } = default!;

    [Inject]
    private ClinicCalendar Calendar { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override void OnInitialized()
    {
        // Hours must sit on the slot grid, so only grid times are offered. TimeOnly has no 24:00, so the last end is 23:30 (for 30-minute slots).
        var grid = Enumerable.Range(0, (int)(TimeSpan.FromDays(1) / Calendar.Slot)).Select(i => TimeOnly.FromTimeSpan(Calendar.Slot * i)).ToList();
        startTimes = grid;
        endTimes = grid.Skip(1).ToList();
        if (Provider is not null)
        {
            model = ProviderForm.From(Provider);
            version = Provider.Version;
        }
    }

    private static string Format(TimeOnly time) => time.ToString("HH:mm");

    private void Cancel() => Dialog.Cancel();

    private async Task SaveAsync()
    {
        await form.ValidateAsync();
        if (saving || !form.IsValid)
        {
            return;
        }

        saving = true;
        (nameError, specialtyError, hoursError, stranded, conflict) = (null, null, null, null, null);
        var input = model.ToInput();
        var result = Provider is null
            ? await Providers.CreateAsync(input)
            : await Providers.UpdateAsync(Provider.Id, input, version);
        saving = false;
        if (result.Succeeded)
        {
            Snackbar.Add($"{input.Name.Trim()} was saved.", Severity.Success);
            Dialog.Close(DialogResult.Ok(Provider?.Id ?? result.Value));
            return;
        }

        Show(result.Error!);
    }

    private void Show(DomainError error)
    {
        switch (error.Code)
        {
            case ErrorCodes.StrandedVisits:
                stranded = error.Message;
                break;
            case ErrorCodes.Concurrency:
                conflict = error.Message;
                break;
            case ErrorCodes.Validation when error.Fields is { } fields
                && (fields.ContainsKey(NameField) || fields.ContainsKey(SpecialtyField) || fields.ContainsKey(HoursField)):
                nameError = FieldError(fields, NameField);
                specialtyError = FieldError(fields, SpecialtyField);
                hoursError = FieldError(fields, HoursField);
                break;
            default:
                Snackbar.Add(error.Message, Severity.Error);
                break;
        }
    }

    /// <summary>Re-reads the provider after a stale save, replacing the form with what is stored now.</summary>
    private async Task ReloadAsync()
    {
        var latest = Provider is null ? null : await Providers.GetAsync(Provider.Id);
        if (latest is null)
        {
            Snackbar.Add("The provider was deleted by someone else.", Severity.Warning);
            Dialog.Cancel();
            return;
        }

        model = ProviderForm.From(latest);
        version = latest.Version;
        (nameError, specialtyError, hoursError, stranded, conflict) = (null, null, null, null, null);
    }

    private static string? FieldError(IReadOnlyDictionary<string, string[]> fields, string field) =>
        fields.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
