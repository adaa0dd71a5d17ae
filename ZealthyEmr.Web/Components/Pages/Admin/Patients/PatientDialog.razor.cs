using Microsoft.AspNetCore.Components;
using MudBlazor;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Web.Components.Shared;

namespace ZealthyEmr.Web.Components.Pages.Admin.Patients;

/// <summary>Create (with an initial password) or edit a patient; the service has the final word on every field.</summary>
public partial class PatientDialog
{
    private readonly ServerErrors errors = new();
    private PatientForm model = new();
    private MudForm? form;
    private Guid version;
    private bool loading;
    private bool saving;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter]
    public Guid? PatientId { get; set; }

    [Inject]
    private PatientAdminService Patients { get; set; } = default!;

    [Inject]
    private ClinicCalendar Calendar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (PatientId is not null)
        {
            await ReloadAsync();
        }
    }

    private async Task ReloadAsync()
    {
        loading = true;
        var details = await Patients.GetAsync(PatientId!.Value);
        loading = false;
        errors.Clear();
        if (details is null)
        {
            errors.Set(Domain.Common.DomainError.NotFound("The patient"));
            return;
        }

        model = new PatientForm
        {
            Name = details.Name,
            Email = details.Email,
            Phone = details.Phone,
            DateOfBirth = details.DateOfBirth?.ToDateTime(TimeOnly.MinValue),
        };
        version = details.Version;
    }

    private async Task SaveAsync()
    {
        if (form is not null)
        {
            await form.ValidateAsync();
            if (!form.IsValid)
            {
                return;
            }
        }

        saving = true;
        var input = new PatientInput(model.Name ?? "", model.Email ?? "", model.DateOfBirth is { } born ? DateOnly.FromDateTime(born) : null, model.Phone);
        var result = PatientId is { } id
            ? await Patients.UpdateAsync(id, input, version)
            : await Patients.CreateAsync(input, model.Password ?? "");
        saving = false;
        if (result.Succeeded)
        {
            Dialog.Close(DialogResult.Ok(result.Value));
            return;
        }

        errors.Set(result.Error);
    }

    private sealed class PatientForm
    {
        public string? Name { get; set; }

        public string? Email { get; set; }

        public string? Password { get; set; }

        public DateTime? DateOfBirth { get; set; }

        public string? Phone { get; set; }
    }
}
