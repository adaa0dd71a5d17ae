using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ZealthyEmr.Tests.Infrastructure;

public static class BunitRendering
{
    /// <summary>Renders a page beside the MudBlazor providers it needs for popovers (selects, pagers), dialogs and snackbars.</summary>
    public static IRenderedComponent<ContainerFragment> RenderWithProviders<TComponent>(this BunitContext context, IReadOnlyDictionary<string, object?>? parameters = null)
        where TComponent : IComponent =>
        context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
            builder.OpenComponent<TComponent>(3);
            foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
            {
                builder.AddAttribute(4, name, value);
            }

            builder.CloseComponent();
        });

    /// <summary>Only the MudBlazor providers: a host for dialogs a test opens through <see cref="IDialogService"/>.</summary>
    public static IRenderedComponent<ContainerFragment> RenderMudProviders(this BunitContext context) =>
        context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
        });
}
