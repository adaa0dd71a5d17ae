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
    private bool reloading;
    private bool stale;

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
        IsRelevant(change) ? InvokeAsync(ReloadCoalescedAsync) : Task.CompletedTask;

    /// <summary>
    /// A burst of changes (a series of 50 visits, a busy booking hour) costs one re-read in flight plus
    /// one more at most, not one per notification. Runs on the renderer's context, so the flags need no lock.
    /// </summary>
    private async Task ReloadCoalescedAsync()
    {
        if (reloading)
        {
            stale = true;
            return;
        }

        reloading = true;
        try
        {
            do
            {
                stale = false;
                await ReloadAsync();
                StateHasChanged();
            }
            while (stale);
        }
        finally
        {
            reloading = false;
        }
    }

    public void Dispose()
    {
        subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
