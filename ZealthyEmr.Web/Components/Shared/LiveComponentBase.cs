using Microsoft.AspNetCore.Components;
using ZealthyEmr.Domain.Changes;

namespace ZealthyEmr.Web.Components.Shared;

/// <summary>
/// A page that re-reads from the database when a relevant change is announced (by this instance, or
/// by another one through Redis), so what it shows is never more than a moment stale.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private IDisposable? subscription;

    [Inject]
    private ChangeFeed Feed { get; set; } = default!;

    protected abstract bool IsRelevant(EmrChange change);

    protected abstract Task ReloadAsync();

    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive)
        {
            subscription = Feed.Subscribe(OnChangeAsync);
        }
    }

    private Task OnChangeAsync(EmrChange change) =>
        IsRelevant(change)
            ? InvokeAsync(async () =>
            {
                await ReloadAsync();
                StateHasChanged();
            })
            : Task.CompletedTask;

    public void Dispose()
    {
        subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
