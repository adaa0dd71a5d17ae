using Microsoft.AspNetCore.Components;
using MudBlazor;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Notifications;

namespace ZealthyEmr.Web.Notifications;

public partial class AdminNotificationsPage
{
    private const int PageSize = 50;

    private OutboxPage? page;
    private OutboxStatus? status;
    private int pageIndex;

    [Inject]
    private NotificationAdminService Outbox { get; set; } = default!;

    [Inject]
    private ClinicCalendar Calendar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync() => page = await Outbox.ListAsync(status, pageIndex, PageSize);

    private Task FilterAsync(OutboxStatus? value)
    {
        (status, pageIndex) = (value, 0);
        return ReloadAsync();
    }

    private Task GoToAsync(int number)
    {
        pageIndex = number - 1;
        return ReloadAsync();
    }

    private int Count(OutboxStatus? value) =>
        page is null ? 0 : value is null ? page.Counts.Values.Sum() : page.Counts.GetValueOrDefault(value.Value);

    private static Color ColorOf(OutboxStatus? value) => value switch
    {
        OutboxStatus.Sent => Color.Success,
        OutboxStatus.Failed => Color.Error,
        OutboxStatus.Suppressed => Color.Warning,
        _ => Color.Default,
    };

    private async Task ResendAsync(OutboxRow row)
    {
        var what = row.Status == OutboxStatus.Sent ? "a new copy of this message" : "this message again";
        var confirmed = await Dialogs.ShowMessageBoxAsync("Resend email", $"Send {what} to {row.Recipient}?", yesText: "Resend", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var result = await Outbox.ResendAsync(row.Id);
        Snackbar.Add(result.Succeeded ? $"Queued for {row.Recipient}." : result.Error!.Message, result.Succeeded ? Severity.Success : Severity.Error);
        await ReloadAsync();
    }
}
