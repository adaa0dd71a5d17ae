using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Sessions;
using ZealthyEmr.Tests.Infrastructure;
using ZealthyEmr.Web.Sessions;

namespace ZealthyEmr.Tests.Integration.Sessions;

/// <summary>
/// An open circuit's authentication state, as the app's own provider revalidates it. The interval is one second
/// here; production's is at most 60.
/// </summary>
public sealed class CircuitRevalidationTests() : OwnAppTestBase(new EmrAppFactory(settings: new Dictionary<string, string?> { ["Security:RevalidationInterval"] = "00:00:01" }))
{
    [Fact]
    public async Task DisablingTheUser_EndsTheirOpenCircuit()
    {
        var (email, userId) = await App.NewPatientLoginAsync("circuit-disabled");
        await using var circuit = await OpenCircuitAsync(email, userId);
        await circuit.AssertStillSignedInAsync();

        await App.Services.GetRequiredService<AccountAccessService>().DisableSignInAsync(userId, actorUserId: "an-admin");

        await circuit.AssertSignedOutAsync();
    }

    [Fact]
    public async Task EndingTheSessionElsewhere_EndsTheCircuit()
    {
        var (email, userId) = await App.NewPatientLoginAsync("circuit-ended");
        await using var circuit = await OpenCircuitAsync(email, userId);
        await circuit.AssertStillSignedInAsync();

        var store = App.Services.GetRequiredService<SessionStore>();
        var session = (await store.ListForUserAsync(userId)).Single();
        await store.RevokeForUserAsync(userId, session.Id);

        await circuit.AssertSignedOutAsync();
    }

    /// <summary>Signs in over HTTP and hands the stored principal to a fresh circuit scope, as a circuit start does.</summary>
    private async Task<Circuit> OpenCircuitAsync(string email, string userId)
    {
        await App.SignInPortalAsync(email);
        Guid sessionId;
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync())
        {
            sessionId = await db.UserSessions.Where(s => s.UserId == userId).Select(s => s.Id).SingleAsync();
        }

        var ticket = await App.Services.GetRequiredService<DbTicketStore>().RetrieveAsync(sessionId.ToString("N"));
        Assert.NotNull(ticket);
        Assert.Equal(sessionId.ToString("N"), ticket.Principal.FindFirstValue(SessionClaims.SessionId));

        var scope = App.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(ticket.Principal)));
        return new Circuit(scope, provider);
    }

    private sealed class Circuit : IAsyncDisposable
    {
        private readonly AsyncServiceScope scope;
        private readonly TaskCompletionSource<ClaimsPrincipal> changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Circuit(AsyncServiceScope scope, AuthenticationStateProvider provider)
        {
            this.scope = scope;
            provider.AuthenticationStateChanged += async state => changed.TrySetResult((await state).User);
        }

        /// <summary>Several revalidations pass without a change while nothing has happened to the user.</summary>
        public async Task AssertStillSignedInAsync()
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.False(changed.Task.IsCompleted, "the circuit was signed out though nothing changed");
        }

        public async Task AssertSignedOutAsync()
        {
            var user = await changed.Task.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.False(user.Identity?.IsAuthenticated);
        }

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
