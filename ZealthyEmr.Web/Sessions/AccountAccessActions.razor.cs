using Microsoft.AspNetCore.Components;
using MudBlazor;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Sessions;

namespace ZealthyEmr.Web.Sessions;

public sealed partial class AccountAccessActions
{
    private bool busy;

    [Parameter, EditorRequired]
    public AccountSummary Account { get; set; } = default!;

    /// <summary>The signed-in admin, who may not disable their own sign-in.</summary>
    [Parameter, EditorRequired]
    public string ActorUserId { get; set; } = "";

    [Parameter]
    public EventCallback<AccountSummary> Changed { get; set; }

    [Inject]
    private AccountAccessService Access { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private string SessionsText => Account.ActiveSessions switch
    {
        0 => "no open sessions",
        1 => "1 open session",
        var n => $"{n} open sessions",
    };

    private async Task DisableAsync()
    {
        if (await ConfirmAsync("Disable sign-in", $"Disable sign-in for {Account.Name}? They are signed out everywhere now and cannot sign in to the portal or the API until an admin enables it again.", "Disable"))
        {
            await RunAsync(() => Access.DisableSignInAsync(Account.UserId, ActorUserId), $"Sign-in disabled for {Account.Name}.");
        }
    }

    private Task EnableAsync() => RunAsync(() => Access.EnableSignInAsync(Account.UserId), $"{Account.Name} can sign in again.");

    private async Task SignOutEverywhereAsync()
    {
        if (await ConfirmAsync("Sign out everywhere", $"End every session and API token of {Account.Name}? They can sign in again right away.", "Sign out everywhere"))
        {
            await RunAsync(() => Access.SignOutEverywhereAsync(Account.UserId), $"{Account.Name} was signed out everywhere.");
        }
    }

    private async Task<bool> ConfirmAsync(string title, string message, string yes) =>
        await Dialogs.ShowMessageBoxAsync(title, message, yesText: yes, cancelText: "Cancel") == true;

    private async Task RunAsync(Func<Task<Result<AccountSummary>>> action, string done)
    {
        busy = true;
        try
        {
            var result = await action();
            if (!result.Succeeded)
            {
                Snackbar.Add(result.Error!.Message, Severity.Error);
                return;
            }

            Snackbar.Add(done, Severity.Success);
            await Changed.InvokeAsync(result.Value!);
        }
        finally
        {
            busy = false;
        }
    }
}
