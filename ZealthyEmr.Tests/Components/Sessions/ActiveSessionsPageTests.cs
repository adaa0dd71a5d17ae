using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Domain.Sessions;
using ZealthyEmr.Tests.Infrastructure;
using ZealthyEmr.Web.Sessions;

namespace ZealthyEmr.Tests.Components.Sessions;

public sealed class ActiveSessionsPageTests : DomainBunitTestBase
{
    [Fact]
    public async Task ShowsEachSession_MarksThisDevice_AndEndsAnotherAfterConfirming()
    {
        var userId = await UserIdAsync(DemoLogins.Mark);
        var store = Services.GetRequiredService<SessionStore>();
        var here = Guid.NewGuid();
        var phone = Guid.NewGuid();
        await store.CreateAsync(here, userId, [1], "Firefox on Windows", "10.0.0.5");
        await store.CreateAsync(phone, userId, [1], "Safari on iPhone", "10.0.0.9");
        Authorization.SetAuthorized(DemoLogins.Mark).SetRoles(Roles.Patient)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, userId), new Claim(SessionClaims.SessionId, here.ToString("N")));
        Context.Render<MudPopoverProvider>();
        var dialogs = Context.Render<MudDialogProvider>();
        Context.Render<MudSnackbarProvider>();

        var page = Context.Render<ActiveSessionsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=sessions-table] tbody tr").Count));
        var thisRow = page.FindAll("[data-testid=sessions-table] tbody tr").Single(r => r.QuerySelector("[data-testid=this-device]") is not null);
        Assert.Contains("Firefox on Windows", thisRow.TextContent);
        Assert.Contains("10.0.0.5", thisRow.TextContent);

        page.FindAll("[data-testid=sessions-table] tbody tr").Single(r => r.TextContent.Contains("Safari on iPhone")).QuerySelector("[data-testid=session-end]")!.Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Sign out Safari on iPhone", dialogs.Markup));
        dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Sign out").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=sessions-table] tbody tr")));
        Assert.Equal(SessionState.Ended, (await store.FindAsync(phone, touch: false)).State);
        Assert.Equal(SessionState.Active, (await store.FindAsync(here, touch: false)).State);
        await using var db = await Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditAction.SessionRevoked && e.EntityId == phone.ToString()));
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
