using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using ZealthyEmr.Domain.Sessions;

namespace ZealthyEmr.Web.Sessions;

/// <summary>
/// Automatic logoff for an open page. Input reported by session-activity.js is written to the session row; a timer
/// re-reads the row (other tabs share it), warns <see cref="SessionLifetimeOptions.WarningLead"/> before the end, and
/// at the end leaves for the sign-in page. The server applies the same limits on every request, so this is the
/// friendly side of a rule the server enforces anyway.
/// </summary>
public sealed partial class SessionActivityWatcher : IAsyncDisposable
{
    private Guid? sessionId;
    private ITimer? timer;
    private IDialogReference? warning;
    private DotNetObjectReference<SessionActivityWatcher>? self;
    private IJSObjectReference? module;
    private IJSObjectReference? tracker;
    private bool leaving;

    [Inject]
    private SessionStore Sessions { get; set; } = default!;

    [Inject]
    private IOptions<SessionLifetimeOptions> Options { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || AuthenticationState is null)
        {
            return;
        }

        var user = (await AuthenticationState).User;
        if (!Guid.TryParseExact(user.FindFirstValue(SessionClaims.SessionId), "N", out var id))
        {
            return;
        }

        sessionId = id;
        timer = Clock.CreateTimer(_ => _ = InvokeAsync(CheckAsync), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        // Opening a page is activity; without this a slow circuit start could eat into a short timeout.
        if (!await ApplyAsync(await Sessions.RecordActivityAsync(id)))
        {
            return;
        }

        self = DotNetObjectReference.Create(this);
        module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/session-activity.js");
        tracker = await module.InvokeAsync<IJSObjectReference>("start", self, (int)Options.Value.ActivityGranularity.TotalMilliseconds);
    }

    /// <summary>Input on the page. While the warning is open only its buttons count, so a stray mouse move cannot dismiss it.</summary>
    [JSInvokable]
    public async Task ReportActivity()
    {
        if (sessionId is { } id && warning is null && !leaving)
        {
            await ApplyAsync(await Sessions.RecordActivityAsync(id));
        }
    }

    private async Task CheckAsync()
    {
        if (sessionId is { } id && !leaving)
        {
            await ApplyAsync(await Sessions.FindAsync(id, touch: false));
        }
    }

    /// <summary>Acts on the session's current state: leave, warn, withdraw a warning, and set the next check.</summary>
    private async Task<bool> ApplyAsync(SessionLookup lookup)
    {
        if (lookup.State != SessionState.Active)
        {
            var absolute = lookup.Session is { } row && Clock.GetUtcNow().UtcDateTime >= row.ExpiresUtc;
            Leave(lookup.State == SessionState.Expired ? (absolute ? SessionEndReason.Expired : SessionEndReason.Idle) : SessionEndReason.Ended);
            return false;
        }

        var session = lookup.Session!;
        var now = Clock.GetUtcNow().UtcDateTime;
        var end = Sessions.EndOf(session);
        var warnAt = end - Options.Value.WarningLead;
        if (now >= warnAt && warning is null)
        {
            await ShowWarningAsync(end, canExtend: end < session.ExpiresUtc);
        }
        else if (now < warnAt && warning is not null)
        {
            // Activity in another tab of the same session moved the end: the warning no longer applies.
            var shown = warning;
            warning = null;
            shown.Close();
        }

        // While the warning is open, look again every second so activity elsewhere withdraws it promptly.
        var next = warning is null ? warnAt - now : TimeSpan.FromTicks(Math.Min((end - now).Ticks, TimeSpan.TicksPerSecond));
        timer?.Change(next > TimeSpan.Zero ? next : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        return true;
    }

    private async Task ShowWarningAsync(DateTime endUtc, bool canExtend)
    {
        var parameters = new DialogParameters<IdleWarningDialog>
        {
            { d => d.EndsAtUtc, endUtc },
            { d => d.CanExtend, canExtend },
        };
        var options = new DialogOptions { BackdropClick = false, CloseOnEscapeKey = false, MaxWidth = MaxWidth.ExtraSmall, FullWidth = true };
        warning = await Dialogs.ShowAsync<IdleWarningDialog>("Are you still there?", parameters, options);
        _ = HandleChoiceAsync(warning);
    }

    private async Task HandleChoiceAsync(IDialogReference shown)
    {
        var result = await shown.Result;
        if (!ReferenceEquals(shown, warning) || result is null || sessionId is not { } id)
        {
            return;
        }

        warning = null;
        if (result.Canceled)
        {
            await InvokeAsync(async () => await ApplyAsync(await Sessions.RecordActivityAsync(id)));
            return;
        }

        await Sessions.SignOutAsync(id);
        await InvokeAsync(() => Leave(SessionEndReason.SignedOut));
    }

    private void Leave(SessionEndReason reason)
    {
        if (leaving)
        {
            return;
        }

        leaving = true;
        timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Navigation.NavigateTo(SessionEndpoints.EndedUrl(reason), forceLoad: true);
    }

    public async ValueTask DisposeAsync()
    {
        timer?.Dispose();
        try
        {
            if (tracker is not null)
            {
                await tracker.InvokeVoidAsync("stop");
                await tracker.DisposeAsync();
            }

            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (Exception ex) when (ex is JSDisconnectedException or TaskCanceledException)
        {
            // The page is gone already (or the circuit is ending with the call in flight); there is nothing left to stop.
        }

        self?.Dispose();
    }
}
