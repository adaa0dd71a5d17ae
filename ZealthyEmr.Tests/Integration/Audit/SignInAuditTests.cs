using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Api;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Audit;

/// <summary>Every password sign-in attempt, portal or API, leaves SignIn, SignInFailed or LockedOut with its channel.</summary>
public sealed class SignInAuditTests(ApiApp api) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task PortalAndApiAttempts_AreAudited_WithActorAndChannel()
    {
        var since = await LastIdAsync();
        using (var browser = api.App.CreateBrowserLikeClient())
        {
            (await browser.PostLoginAsync(DemoLogins.Lisa, "not-her-password")).Dispose();
            (await browser.PostLoginAsync(DemoLogins.Lisa, DemoLogins.Password)).Dispose();
        }

        (await api.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = DemoLogins.Mark, password = DemoLogins.Password })).Dispose();
        (await api.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = "nobody@nowhere.test", password = "whatever-it-is" })).Dispose();

        await using var db = await api.CreateDbContextAsync();
        var rows = await db.AuditEvents.Where(e => e.Id > since && (e.Action == AuditAction.SignIn || e.Action == AuditAction.SignInFailed))
            .OrderBy(e => e.Id).Select(e => new { e.Action, e.ActorEmail, e.Channel, HasUser = e.ActorUserId != null, HasPatient = e.PatientId != null }).ToListAsync();
        Assert.Equal(
            [
                new { Action = AuditAction.SignInFailed, ActorEmail = DemoLogins.Lisa, Channel = AuditChannel.Portal, HasUser = true, HasPatient = true },
                new { Action = AuditAction.SignIn, ActorEmail = DemoLogins.Lisa, Channel = AuditChannel.Portal, HasUser = true, HasPatient = true },
                new { Action = AuditAction.SignIn, ActorEmail = DemoLogins.Mark, Channel = AuditChannel.Api, HasUser = true, HasPatient = true },
                new { Action = AuditAction.SignInFailed, ActorEmail = "nobody@nowhere.test", Channel = AuditChannel.Api, HasUser = false, HasPatient = false },
            ],
            rows);
    }

    [Fact]
    public async Task ForbiddenRoute_IsAuditedAsAccessDenied_ForTheCaller()
    {
        var since = await LastIdAsync();
        using var mark = await api.AsAsync(DemoLogins.Mark);

        using var refused = await mark.GetAsync("/api/admin/patients");

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        await using var db = await api.CreateDbContextAsync();
        var denied = await db.AuditEvents.SingleAsync(e => e.Id > since && e.Action == AuditAction.AccessDenied);
        Assert.Equal((DemoLogins.Mark, AuditChannel.Api, "GET /api/admin/patients"), (denied.ActorEmail, denied.Channel, denied.EntityId));
    }

    private async Task<long> LastIdAsync()
    {
        await using var db = await api.CreateDbContextAsync();
        return await db.AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0;
    }
}
