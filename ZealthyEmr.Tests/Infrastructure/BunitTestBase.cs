using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ZealthyEmr.Tests.Infrastructure;

/// <summary>A bUnit context with MudBlazor's services and JS interop ready; disposed asynchronously as MudBlazor needs.</summary>
public abstract class BunitTestBase : IAsyncLifetime
{
    protected BunitContext Context { get; } = new();

    protected BunitTestBase()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await Context.DisposeAsync();
}
