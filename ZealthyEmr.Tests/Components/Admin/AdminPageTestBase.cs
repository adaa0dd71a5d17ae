using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Components.Admin;

/// <summary>
/// An admin page over the demo clinic with MudBlazor's popover, dialog and snackbar hosts rendered beside it,
/// as MainLayout renders them, so dialogs, selects and snackbars the page opens can be found and used.
/// </summary>
public abstract class AdminPageTestBase : DomainBunitTestBase
{
    protected IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = default!;

    protected IRenderedComponent<MudSnackbarProvider> Snackbars { get; private set; } = default!;

    protected async Task<IRenderedComponent<TPage>> RenderAsAdminAsync<TPage>()
        where TPage : IComponent
    {
        await SignInAsAsync(DemoLogins.Admin, Roles.Admin);
        Context.Render<MudPopoverProvider>();
        Dialogs = Context.Render<MudDialogProvider>();
        Snackbars = Context.Render<MudSnackbarProvider>();
        return Context.Render<TPage>();
    }

    protected IElement DialogButton(string text) =>
        Dialogs.FindAll("button").FirstOrDefault(b => b.TextContent.Trim() == text)
        ?? throw new InvalidOperationException($"No dialog button \"{text}\" in:\n{Dialogs.Markup}");
}
