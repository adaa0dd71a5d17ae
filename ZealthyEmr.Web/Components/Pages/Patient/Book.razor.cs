using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Providers;

namespace ZealthyEmr.Web.Components.Pages.Patient;

public partial class Book
{
    private IReadOnlyList<ProviderSummary> providers = [];
    private IReadOnlyList<DateTime>? slots;
    private IReadOnlyList<DateTime> alternatives = [];
    private Guid? providerId;
    private DateTime? date;
    private DateTime? selected;
    private Guid? patientId;
    private bool booking;
    private bool succeeded;
    private string? message;

    [Inject]
    private BookingService Booking { get; set; } = default!;

    [Inject]
    private AvailabilityService Availability { get; set; } = default!;

    [Inject]
    private ProviderDirectory Directory { get; set; } = default!;

    [Inject]
    private PatientPortalService Portal { get; set; } = default!;

    [Inject]
    private ClinicCalendar Calendar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>Deep links (e.g. from a reminder or the schedule) can preselect a provider and a day.</summary>
    [SupplyParameterFromQuery(Name = "provider")]
    private Guid? ProviderQuery { get; set; }

    [SupplyParameterFromQuery(Name = "date")]
    private DateOnly? DateQuery { get; set; }

    private DateTime firstDay => Calendar.LocalNow.Date;

    private DateTime lastDay => Calendar.LocalNow.Date.AddMonths(Calendar.BookingHorizonMonths);

    private string ProviderName => providers.FirstOrDefault(p => p.Id == providerId)?.Name ?? "";

    protected override async Task OnInitializedAsync()
    {
        patientId = await Portal.FindPatientIdAsync((await AuthenticationState).User);
        providers = await Directory.ListAsync(activeOnly: true);
        date = DateQuery is { } day && day.ToDateTime(TimeOnly.MinValue) is var asked && asked >= firstDay && asked <= lastDay ? asked : firstDay;
        if (providers.Any(p => p.Id == ProviderQuery))
        {
            providerId = ProviderQuery;
            await ReloadAsync();
        }
    }

    protected override bool IsRelevant(EmrChange change) =>
        change.Kind is ChangeKind.Visits or ChangeKind.Providers
        && providerId is not null && date is not null
        && change.Touches(providerId: providerId, day: DateOnly.FromDateTime(date.Value));

    protected override async Task ReloadAsync()
    {
        if (providerId is not { } provider || date is not { } day)
        {
            slots = null;
            return;
        }

        slots = await Availability.GetFreeSlotsAsync(provider, DateOnly.FromDateTime(day));
        if (selected is { } chosen && !slots.Contains(chosen) && !succeeded)
        {
            // Someone else took it while this patient was deciding: say so rather than fail on "Book".
            selected = null;
            message = $"{Calendar.ToLocal(chosen):HH:mm} was just booked by someone else. Please pick another time.";
            alternatives = [];
        }
    }

    private async Task OnProviderChanged(Guid? value)
    {
        providerId = value;
        ResetChoice();
        await ReloadAsync();
    }

    private async Task OnDateChanged(DateTime? value)
    {
        date = value;
        ResetChoice();
        await ReloadAsync();
    }

    private void Select(DateTime slot)
    {
        selected = slot;
        message = null;
        succeeded = false;
        alternatives = [];
    }

    private async Task PickAlternativeAsync(DateTime slot)
    {
        date = Calendar.ToLocal(slot).Date;
        await ReloadAsync();
        Select(slot);
    }

    private async Task BookAsync()
    {
        if (booking || selected is not { } slot || providerId is not { } provider || patientId is not { } patient)
        {
            return;
        }

        booking = true;
        var result = await Booking.BookAsync(patient, provider, slot);
        booking = false;
        succeeded = result.Succeeded;
        alternatives = [];
        if (result.Succeeded)
        {
            message = $"Booked: {result.Value!.ProviderName} on {Calendar.ToLocal(slot):dddd, MMMM d 'at' HH:mm}.";
            selected = null;
        }
        else
        {
            message = result.Error!.Message;
            alternatives = await Availability.NearestFreeSlotsAsync(provider, slot);
        }

        await ReloadAsync();
    }

    private void ResetChoice()
    {
        selected = null;
        message = null;
        succeeded = false;
        alternatives = [];
        slots = null;
    }

    private string SlotLabel(DateTime slot) => Calendar.ToLocal(slot).ToString("HH:mm");
}
