using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Providers;

namespace ZealthyEmr.Web.Components.Pages.Admin.Providers;

public partial class ProviderList
{
    private IReadOnlyList<ProviderDetails>? providers;

    private const string CreateButtonId = "provider-create-button";

    [Inject]
    private ProviderAdminService Providers { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override Task OnInitializedAsync() => ReloadAsync();

    // An open edit dialog is its own component, so re-reading the grid leaves what is being typed alone.
    protected override bool IsRelevant(EmrChange change) => change.Kind == ChangeKind.Providers;

    protected override async Task ReloadAsync() => providers = await Providers.ListAsync();

    private async Task CreateAsync()
    {
        await OpenEditorAsync(null);
        try
        {
            // Keyboard users land back on the button they used (focus-return.js says why MudBlazor's own restore is not enough).
            await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/focus-return.js");
            await module.InvokeVoidAsync("returnFocus", CreateButtonId, 3000);
        }
        catch (JSDisconnectedException)
        {
            // The page is gone; there is nothing to focus.
        }
    }

    private Task EditAsync(ProviderDetails provider) => OpenEditorAsync(provider);

    private async Task OpenEditorAsync(ProviderDetails? provider)
    {
        var parameters = new DialogParameters<ProviderDialog> { { d => d.Provider, provider } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await Dialogs.ShowAsync<ProviderDialog>(provider is null ? "New provider" : $"Edit {provider.Name}", parameters, options);
        if (await dialog.Result is { Canceled: false })
        {
            await ReloadAsync();
        }
    }

    private async Task DeactivateAsync(ProviderDetails provider)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Deactivate provider",
            $"Deactivate {provider.Name}? They will take no new visits; visits already scheduled stay.",
            yesText: "Deactivate", cancelText: "Cancel");
        if (confirmed == true)
        {
            await ReportAsync(await Providers.DeactivateAsync(provider.Id), $"{provider.Name} was deactivated.");
        }
    }

    private async Task ReactivateAsync(ProviderDetails provider) =>
        await ReportAsync(await Providers.ReactivateAsync(provider.Id), $"{provider.Name} was reactivated.");

    private async Task DeleteAsync(ProviderDetails provider)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Delete provider",
            $"Delete {provider.Name}? This cannot be undone.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var result = await Providers.DeleteAsync(provider.Id);
        if (result.Error is { Code: ErrorCodes.InUse } inUse && provider.IsActive)
        {
            // The refusal says to deactivate instead; offer exactly that.
            Snackbar.Add(inUse.Message, Severity.Warning, o =>
            {
                o.RequireInteraction = true;
                o.Action = "Deactivate";
                o.OnClick = _ => DeactivateAsync(provider);
            });
            return;
        }

        await ReportAsync(result, $"{provider.Name} was deleted.");
    }

    private async Task ReportAsync(Result<Guid> result, string success)
    {
        Snackbar.Add(result.Succeeded ? success : result.Error!.Message, result.Succeeded ? Severity.Success : Severity.Error);
        await ReloadAsync();
    }
}
