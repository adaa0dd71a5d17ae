using Microsoft.AspNetCore.Components;
using MudBlazor;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Clinic;

namespace ZealthyEmr.Web.Components.Pages.Admin.Schedule;

/// <summary>The front desk's main screen: a day or a week, one column per provider, live across instances.</summary>
public partial class ScheduleBoard
{
    private IReadOnlyDictionary<DateOnly, IReadOnlyList<ProviderDay>>? days;
    private DateTime? date;
    private bool week;

    [Inject]
    private ScheduleBoardService Board { get; set; } = default!;

    [Inject]
    private ClinicCalendar Calendar { get; set; } = default!;

    [Inject]
    private ClinicFormat Format { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "date")]
    private DateOnly? DateQuery { get; set; }

    private DateOnly First => week ? Monday(Day) : Day;

    private DateOnly Day => DateOnly.FromDateTime(date ?? Calendar.LocalNow.Date);

    protected override async Task OnInitializedAsync()
    {
        date = DateQuery?.ToDateTime(TimeOnly.MinValue) ?? Calendar.LocalNow.Date;
        await ReloadAsync();
    }

    protected override bool IsRelevant(EmrChange change) =>
        change.Kind is ChangeKind.Visits or ChangeKind.Providers or ChangeKind.Patients
        && Enumerable.Range(0, week ? 7 : 1).Any(i => change.Touches(day: First.AddDays(i)));

    protected override async Task ReloadAsync() => days = await Board.GetDaysAsync(First, week ? 7 : 1);

    private async Task OnDateChanged(DateTime? value)
    {
        date = value ?? Calendar.LocalNow.Date;
        days = null;
        await ReloadAsync();
    }

    private Task StepAsync(int step) => OnDateChanged((date ?? Calendar.LocalNow.Date).AddDays(step * (week ? 7 : 1)));

    private async Task SetViewAsync(bool toWeek)
    {
        week = toWeek;
        days = null;
        await ReloadAsync();
    }

    private async Task OpenDayAsync(DateOnly day)
    {
        week = false;
        await OnDateChanged(day.ToDateTime(TimeOnly.MinValue));
    }

    private async Task BookAsync(ProviderDay provider, BoardSlot slot)
    {
        var parameters = new DialogParameters<BookSlotDialog> { { d => d.ProviderId, provider.ProviderId }, { d => d.ProviderName, provider.ProviderName }, { d => d.StartUtc, slot.StartUtc } };
        var dialog = await Dialogs.ShowAsync<BookSlotDialog>($"Book {provider.ProviderName} on {Format.When(slot.StartUtc)}", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("Visit booked.", Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task OpenVisitAsync(BoardSlot slot)
    {
        var parameters = new DialogParameters<VisitDetailsDialog> { { d => d.VisitId, slot.VisitId!.Value } };
        var dialog = await Dialogs.ShowAsync<VisitDetailsDialog>("Visit", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: string done })
        {
            Snackbar.Add(done, Severity.Success);
            await ReloadAsync();
        }
    }

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
