using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ZealthyEmr.Tests.Infrastructure;

/// <summary>A bUnit context with MudBlazor's services and JS interop ready; disposed asynchronously as MudBlazor needs.</summary>
public abstract class BunitTestBase : IAsyncLifetime
{
    protected BunitContext Context { get; } = new();

    static BunitTestBase()
    {
        // bUnit waits one second by default; on CI's two loaded cores a re-read after a change notification can take
        // longer, and a wait that passes only on a quiet machine is a flaky test.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
    }

    protected BunitTestBase()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Authorization = Context.AddAuthorization();
    }

    /// <summary>Registered up front: bUnit refuses new services once the first component has rendered.</summary>
    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>Runs after every constructor has registered its services: the renderer is only created here.</summary>
    public virtual Task InitializeAsync()
    {
        // Components behave as in a live circuit: interactive, so they subscribe to change notifications.
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync() => await Context.DisposeAsync();
}
