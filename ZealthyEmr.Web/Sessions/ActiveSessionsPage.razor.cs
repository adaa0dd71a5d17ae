using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Sessions;

namespace ZealthyEmr.Web.Sessions;

/// <summary>The signed-in user's own sessions (device, address, last activity), each of which they can end.</summary>
public sealed partial class ActiveSessionsPage
{
    private IReadOnlyList<SessionSummary>? sessions;
    private string? userId;
    private Guid? currentId;

    [Inject]
    private SessionStore Sessions { get; set; } = default!;

    [Inject]
    private ClinicCalendar Calendar { get; set; } = default!;

    [Inject]
    private IOptions<SessionLifetimeOptions> Options { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private string IdleText => Describe(Options.Value.IdleTimeout);

    private string LifetimeText => Describe(Options.Value.AbsoluteSessionLifetime);

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        currentId = Guid.TryParseExact(user.FindFirstValue(SessionClaims.SessionId), "N", out var id) ? id : null;
        await ReloadAsync();
    }

    private async Task ReloadAsync() => sessions = userId is null ? [] : await Sessions.ListForUserAsync(userId);

    private async Task EndAsync(SessionSummary session, bool current)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            current ? "Sign out here" : "Sign out that device",
            current ? "Sign out of this browser now?" : $"Sign out {session.Device} ({session.ClientAddress ?? "unknown address"})? Anyone using it will have to sign in again.",
            yesText: "Sign out", cancelText: "Cancel");
        if (confirmed != true || userId is null)
        {
            return;
        }

        if (current)
        {
            await Sessions.SignOutAsync(session.Id);
            Navigation.NavigateTo(SessionEndpoints.EndedUrl(SessionEndReason.SignedOut), forceLoad: true);
            return;
        }

        var ended = await Sessions.RevokeForUserAsync(userId, session.Id);

        Snackbar.Add(ended ? $"{session.Device} was signed out." : "That session had already ended.", ended ? Severity.Success : Severity.Info);
        await ReloadAsync();
    }

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 && span.Minutes == 0 ? $"{span.TotalHours:0} hours"
        : span.TotalMinutes >= 1 && span.Seconds == 0 ? $"{span.TotalMinutes:0} minutes"
        : $"{span.TotalSeconds:0} seconds";
}
