using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Providers;

namespace ZealthyEmr.Web.Components.Pages.Patient;

/// <summary>
/// Booking for the signed-in patient. Only days with a time free for them are enabled, only times free for them
/// are listed, and the nearest alternatives after a refusal come from the same rule, so no offer can be refused again.
/// </summary>
public partial class Book
{
    private IReadOnlyList<ProviderSummary> providers = [];
    private IReadOnlySet<DateOnly> freeDays = new HashSet<DateOnly>();
    private IReadOnlyList<DateTime>? slots;
    private IReadOnlyList<DateTime> alternatives = [];
    private Guid? providerId;
    private DateTime? date;
    private DateTime? selected;
    private Guid? patientId;
    private string? reason;
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

    [Inject]
    private ClinicFormat Format { get; set; } = default!;

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

    private IReadOnlyList<string> Specialties => [.. providers.Select(p => p.Specialty).Distinct().Order()];

    protected override async Task OnInitializedAsync()
    {
        patientId = await Portal.FindPatientIdAsync((await AuthenticationState).User);
        providers = await Directory.ListAsync(activeOnly: true);
        if (providers.Any(p => p.Id == ProviderQuery))
        {
            providerId = ProviderQuery;
            await LoadDaysAsync(DateQuery);
            await ReloadAsync();
        }
    }

    protected override bool IsRelevant(EmrChange change) =>
        change.Kind is ChangeKind.Visits or ChangeKind.Providers && providerId is not null
        && (change.Touches(providerId: providerId) || change.Touches(patientId: patientId));

    protected override async Task ReloadAsync()
    {
        if (providerId is not { } provider || date is not { } day)
        {
            slots = null;
            return;
        }

        slots = await Availability.GetFreeSlotsAsync(provider, DateOnly.FromDateTime(day), patientId);
        if (selected is { } chosen && !slots.Contains(chosen) && !succeeded)
        {
            // Someone else took it while this patient was deciding: say so rather than fail on "Book".
            selected = null;
            message = $"{Format.Time(chosen)} was just booked by someone else. Please pick another time.";
            alternatives = [];
        }
    }

    private bool IsDayDisabled(DateTime day) => !freeDays.Contains(DateOnly.FromDateTime(day));

    private async Task LoadDaysAsync(DateOnly? wanted = null)
    {
        freeDays = providerId is { } provider
            ? await Availability.FreeDaysAsync(provider, patientId, Calendar.Today, DateOnly.FromDateTime(lastDay))
            : new HashSet<DateOnly>();
        var first = wanted is { } w && freeDays.Contains(w) ? w : freeDays.Order().Cast<DateOnly?>().FirstOrDefault();
        date = first?.ToDateTime(TimeOnly.MinValue);
    }

    private async Task OnProviderChanged(Guid? value)
    {
        providerId = value;
        ResetChoice();
        await LoadDaysAsync(date is { } d ? DateOnly.FromDateTime(d) : null);
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

    private Task BookAsync() =>
        selected is { } slot && providerId is { } provider ? BookSlotAsync(provider, ProviderName, slot) : Task.CompletedTask;

    private Task BookOpenSlotAsync(OpenSlot slot) => BookSlotAsync(slot.ProviderId, slot.ProviderName, slot.StartUtc);

    private async Task BookSlotAsync(Guid provider, string providerName, DateTime slot)
    {
        if (booking || patientId is not { } patient)
        {
            return;
        }

        booking = true;
        var result = await Booking.BookAsync(patient, provider, slot, reason);
        booking = false;
        succeeded = result.Succeeded;
        alternatives = [];
        if (result.Succeeded)
        {
            message = $"Booked: {providerName} on {Format.When(slot)}.";
            selected = null;
            reason = null;
        }
        else
        {
            message = result.Error!.Message;
            alternatives = await Availability.NearestFreeSlotsAsync(provider, slot, patientId);
            providerId = provider;
        }

        await LoadDaysAsync(date is { } d ? DateOnly.FromDateTime(d) : null);
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
}
