using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Sessions;

/// <summary>Automatic logoff against a clock the test moves: the server applies both limits on every request.</summary>
public sealed class SessionLifetimeTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly EmrAppFactory app;

    public SessionLifetimeTests() =>
        app = new EmrAppFactory(
            settings: new Dictionary<string, string?> { ["Security:IdleTimeout"] = "00:15:00", ["Security:AbsoluteSessionLifetime"] = "01:00:00" },
            services: s => s.AddSingleton<TimeProvider>(clock));

    public Task InitializeAsync()
    {
        _ = app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task ActivityKeepsTheSessionOpen_AndFifteenQuietMinutesEndIt()
    {
        var (email, userId) = await app.NewPatientLoginAsync("idle");
        var (_, cookie) = await app.SignInPortalAsync(email);

        clock.Advance(TimeSpan.FromMinutes(14));
        await app.AssertSignedInAsync(cookie);
        clock.Advance(TimeSpan.FromMinutes(14));
        await app.AssertSignedInAsync(cookie);

        clock.Advance(TimeSpan.FromMinutes(15));
        await app.AssertRefusedAsync(cookie);
        Assert.Equal(0, await SessionCountAsync(userId));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        var expired = await db.AuditEvents.SingleAsync(e => e.Action == AuditAction.SessionExpired && e.ActorUserId == userId);
        Assert.Equal(email, expired.ActorEmail);
    }

    [Fact]
    public async Task BrowserClosedPastTheIdleTimeout_FindsItsSessionGoneWhenItComesBack()
    {
        var (email, _) = await app.NewPatientLoginAsync("asleep");
        var (_, cookie) = await app.SignInPortalAsync(email);

        // Nothing at all reaches the server while the laptop sleeps.
        clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        await app.AssertRefusedAsync(cookie);
    }

    [Fact]
    public async Task AbandonedSession_IsSweptAndAuditedOnce_WithoutTheBrowserComingBack()
    {
        var (email, userId) = await app.NewPatientLoginAsync("abandoned");
        await app.SignInPortalAsync(email);
        var store = app.Services.GetRequiredService<ZealthyEmr.Domain.Sessions.SessionStore>();

        clock.Advance(TimeSpan.FromMinutes(10));
        await store.SweepExpiredAsync();
        Assert.Equal(1, await SessionCountAsync(userId));

        clock.Advance(TimeSpan.FromMinutes(6));
        await store.SweepExpiredAsync();

        Assert.Equal(0, await SessionCountAsync(userId));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditAction.SessionExpired && e.ActorUserId == userId));
    }

    [Fact]
    public async Task AbsoluteLifetime_EndsAnActiveSession()
    {
        var (email, _) = await app.NewPatientLoginAsync("absolute");
        var (_, cookie) = await app.SignInPortalAsync(email);

        for (var minutes = 10; minutes < 60; minutes += 10)
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            await app.AssertSignedInAsync(cookie);
        }

        clock.Advance(TimeSpan.FromMinutes(10));
        await app.AssertRefusedAsync(cookie);
    }

    [Fact]
    public async Task CircuitTraffic_DoesNotCountAsActivity()
    {
        var (email, _) = await app.NewPatientLoginAsync("circuit");
        var (_, cookie) = await app.SignInPortalAsync(email);

        // A reconnecting circuit negotiates over HTTP; that is the page's machinery, not the person.
        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(6));
            using var _ = await app.GetWithCookieAsync(cookie, "/_blazor/negotiate?negotiateVersion=1");
        }

        await app.AssertRefusedAsync(cookie);
    }

    private async Task<int> SessionCountAsync(string userId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        return await db.UserSessions.CountAsync(s => s.UserId == userId);
    }
}
