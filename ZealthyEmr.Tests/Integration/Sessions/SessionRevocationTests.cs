using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Domain.Sessions;
using ZealthyEmr.Tests.Api;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Sessions;

public sealed class SessionRevocationTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private EmrAppFactory App => database.App;

    [Fact]
    public async Task CookieCopiedBeforeSignOut_IsRefusedAfterIt()
    {
        var (email, userId) = await App.NewPatientLoginAsync("copied");
        var (client, copy) = await App.SignInPortalAsync(email);
        await App.AssertSignedInAsync(copy);

        await client.SignOutPortalAsync();

        await App.AssertRefusedAsync(copy);
        Assert.Equal(0, await SessionCountAsync(userId));
        var signOut = Assert.Single(await AuditAsync(userId), e => e.Action == AuditAction.SignOut);
        Assert.Equal(SessionStore.EntityType, signOut.EntityType);
        Assert.Equal(AuditChannel.Portal, signOut.Channel);
    }

    [Fact]
    public async Task SecurityStampChange_EndsTheCookieOnTheNextRequest()
    {
        var (email, userId) = await App.NewPatientLoginAsync("stamp");
        var (_, copy) = await App.SignInPortalAsync(email);
        await App.AssertSignedInAsync(copy);

        await ChangeUserAsync(userId, (users, user) => users.UpdateSecurityStampAsync(user));

        await App.AssertRefusedAsync(copy);
        Assert.Equal(0, await SessionCountAsync(userId));
    }

    [Fact]
    public async Task AStaleRequestAfterAStampChange_IsRefused_WithoutDeletingTheCookieThatReplacedIt()
    {
        // Turning on two-factor sign-in renews the stamp and signs the same browser in again; a request still in flight
        // with the old cookie (an enhanced navigation's favicon) is answered after that. A browser has one cookie jar.
        var (email, userId) = await App.NewPatientLoginAsync("stale");
        var (_, old) = await App.SignInPortalAsync(email);
        await ChangeUserAsync(userId, (users, user) => users.UpdateSecurityStampAsync(user));

        var (_, fresh) = await App.SignInPortalAsync(email);
        Assert.Equal(2, await SessionCountAsync(userId));

        using (var stale = await App.GetWithCookieAsync(old, "/favicon.svg"))
        {
            var cookies = stale.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
            Assert.DoesNotContain(cookies, c => c.StartsWith(PortalSessions.CookieName + "=", StringComparison.Ordinal));
        }

        await App.AssertRefusedAsync(old);
        await App.AssertSignedInAsync(fresh);
        Assert.Equal(1, await SessionCountAsync(userId));
    }

    [Fact]
    public async Task LockedOutUser_OpenCookieStopsWorking()
    {
        var (email, userId) = await App.NewPatientLoginAsync("locked");
        var (_, copy) = await App.SignInPortalAsync(email);

        await ChangeUserAsync(userId, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(15)));

        await App.AssertRefusedAsync(copy);
    }

    [Fact]
    public async Task DisabledAccount_CannotSignIn_InThePortalOrTheApi_UntilEnabled()
    {
        var (email, userId) = await App.NewPatientLoginAsync("disabled");
        var access = App.Services.GetRequiredService<AccountAccessService>();
        Assert.True((await access.DisableSignInAsync(userId, actorUserId: "someone-else")).Succeeded);

        using var portal = App.CreateBrowserLikeClient();
        using var refused = await portal.PostLoginAsync(email, DemoLogins.Password);
        // The same answer as a wrong password: the refusal does not tell a stranger the account exists.
        Assert.Contains("error=invalid", refused.Headers.Location?.OriginalString);
        using var api = App.CreateClient();
        using var apiRefused = await api.PostAsJsonAsync("/api/auth/login", new { email, password = DemoLogins.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, apiRefused.StatusCode);
        Assert.Contains("INVALID_CREDENTIALS", await apiRefused.Content.ReadAsStringAsync());

        var disabled = await AuditAsync(userId);
        Assert.Contains(disabled, e => e.Action == AuditAction.Update && e.EntityId == userId && e.ChangedFields!.Contains(nameof(EmrUser.SignInDisabled)));
        Assert.Contains(disabled, e => e.Action == AuditAction.SessionRevoked && e.EntityId == userId);

        var before = (await AuditAsync(userId)).Max(e => e.Id);
        Assert.True((await access.EnableSignInAsync(userId)).Succeeded);
        var enabled = Assert.Single(await AuditAsync(userId), e => e.Id > before);
        Assert.Equal(AuditAction.Update, enabled.Action);
        Assert.Contains(nameof(EmrUser.SignInDisabled), enabled.ChangedFields);
        var (_, cookie) = await App.SignInPortalAsync(email);
        await App.AssertSignedInAsync(cookie);
    }

    [Fact]
    public async Task AdminCannotDisableTheirOwnSignIn()
    {
        var access = App.Services.GetRequiredService<AccountAccessService>();
        await using var db = await database.CreateDbContextAsync();
        var adminId = await db.Users.Where(u => u.Email == DemoLogins.Admin).Select(u => u.Id).SingleAsync();

        var result = await access.DisableSignInAsync(adminId, adminId);

        Assert.Equal(AccountAccessService.CannotDisableSelf, result.Error?.Code);
        Assert.False((await access.GetAsync(adminId))!.SignInDisabled);
    }

    [Fact]
    public async Task SignOutEverywhere_ThroughTheApi_EndsTwoBrowsersAndAnApiToken()
    {
        var (email, userId) = await App.NewPatientLoginAsync("everywhere");
        var (_, first) = await App.SignInPortalAsync(email);
        var (_, second) = await App.SignInPortalAsync(email);
        using var patientApi = await BearerClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await patientApi.GetAsync(ApiApp.SignedInProbe)).StatusCode);
        await App.AssertSignedInAsync(first);
        await App.AssertSignedInAsync(second);

        using var adminApi = await BearerClientAsync(DemoLogins.Admin);
        using var response = await adminApi.PostAsync($"/api/admin/accounts/{userId}/sign-out-everywhere", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await App.AssertRefusedAsync(first);
        await App.AssertRefusedAsync(second);
        Assert.Equal(HttpStatusCode.Unauthorized, (await patientApi.GetAsync(ApiApp.SignedInProbe)).StatusCode);
        Assert.Equal(0, await SessionCountAsync(userId));
        var revoked = Assert.Single(await AuditAsync(userId), e => e.Action == AuditAction.SessionRevoked);
        Assert.Equal(DemoLogins.Admin, revoked.ActorEmail);
        Assert.Equal(AuditChannel.Api, revoked.Channel);

        // Signing out everywhere is not a ban: the person can sign in again.
        var (_, fresh) = await App.SignInPortalAsync(email);
        await App.AssertSignedInAsync(fresh);
    }

    [Fact]
    public async Task UserEndsTheirOtherSession_OnlyThatCookieStops()
    {
        var (email, userId) = await App.NewPatientLoginAsync("own");
        var (_, laptop) = await App.SignInPortalAsync(email);
        var (_, phone) = await App.SignInPortalAsync(email);
        var store = App.Services.GetRequiredService<SessionStore>();
        var sessions = await store.ListForUserAsync(userId);
        Assert.Equal(2, sessions.Count);

        // The newest is the phone's; end it as the laptop's sessions page would.
        var phoneSession = sessions.OrderByDescending(s => s.CreatedUtc).First();
        Assert.True(await store.RevokeForUserAsync(userId, phoneSession.Id));
        Assert.False(await store.RevokeForUserAsync("another-user", sessions.Single(s => s.Id != phoneSession.Id).Id));

        await App.AssertRefusedAsync(phone);
        await App.AssertSignedInAsync(laptop);
        await using var db = await database.CreateDbContextAsync();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditAction.SessionRevoked && e.EntityId == phoneSession.Id.ToString()));
    }

    [Fact]
    public async Task SessionRow_RecordsDeviceAndAddress_AndTheCookieHoldsNoClaims()
    {
        var (email, userId) = await App.NewPatientLoginAsync("device");
        var (_, cookie) = await App.SignInPortalAsync(email);

        await using var db = await database.CreateDbContextAsync();
        var row = await db.UserSessions.SingleAsync(s => s.UserId == userId);
        Assert.NotEmpty(row.Ticket);
        Assert.False(string.IsNullOrEmpty(row.Device));

        // A cookie carrying the whole ticket is well over a kilobyte; the session key alone is small.
        Assert.True(cookie.Length < 600, $"cookie is {cookie.Length} characters");
    }

    private async Task<HttpClient> BearerClientAsync(string email)
    {
        using var anonymous = App.CreateClient();
        using var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = DemoLogins.Password });
        login.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("token").GetString());
        return client;
    }

    /// <summary>Audit rows about the user: as the actor (their own sign-out) or as the account acted on.</summary>
    private async Task<List<AuditEvent>> AuditAsync(string userId)
    {
        await using var db = await database.CreateDbContextAsync();
        return await db.AuditEvents.AsNoTracking().Where(e => e.ActorUserId == userId || e.EntityId == userId).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Changes the account through Identity, as the account pages and admin actions do.</summary>
    private async Task ChangeUserAsync(string userId, Func<UserManager<EmrUser>, EmrUser, Task<IdentityResult>> change)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EmrUser>>();
        Assert.True((await change(users, (await users.FindByIdAsync(userId))!)).Succeeded);
    }

    private async Task<int> SessionCountAsync(string userId)
    {
        await using var db = await database.CreateDbContextAsync();
        return await db.UserSessions.CountAsync(s => s.UserId == userId);
    }
}
