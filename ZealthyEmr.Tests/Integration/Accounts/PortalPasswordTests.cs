using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Accounts;

public sealed class PortalPasswordTests() : OwnAppTestBase(new EmrAppFactory())
{
    private const string NewPassword = "Velvet-Compass-Orchard-63";
    [Fact]
    public async Task ChangePassword_KeepsThisSession_EndsTheOthers_AndTheNewPasswordSignsIn()
    {
        var email = await App.CreatePatientLoginAsync("Penny Portal");
        using var here = App.CreateBrowserLikeClient();
        using var elsewhere = App.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await here.PostLoginAsync(email, DemoLogins.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.PostLoginAsync(email, DemoLogins.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/")).StatusCode);

        using var changed = await here.PostFormAsync("/account/manage/change-password", "change-password", Fields(DemoLogins.Password, NewPassword));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("status=password-changed", changed.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/")).StatusCode);
        using var other = await elsewhere.GetAsync("/");
        Assert.Contains("/account/login", other.Headers.Location?.ToString() ?? "");
        using var fresh = App.CreateBrowserLikeClient();
        Assert.Equal("/", (await fresh.PostLoginAsync(email, NewPassword)).Headers.Location!.ToString());

        await using var db = await App.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var audited = await db.Set<AuditEvent>().Where(e => e.Action == AuditAction.PasswordChanged && e.EntityId == userId).ToListAsync();
        Assert.Equal(userId, Assert.Single(audited).ActorUserId);
    }

    [Fact]
    public async Task ChangePassword_ToAWeakOne_ShowsWhy_AndKeepsTheOldPassword()
    {
        var email = await App.CreatePatientLoginAsync("Penny Portal");
        using var client = App.CreateBrowserLikeClient();
        await client.PostLoginAsync(email, DemoLogins.Password);

        using var refused = await client.PostFormAsync("/account/manage/change-password", "change-password", Fields(DemoLogins.Password, "Password2024!"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("too easy to guess", await refused.Content.ReadAsStringAsync());
        using var again = App.CreateBrowserLikeClient();
        Assert.Equal("/", (await again.PostLoginAsync(email, DemoLogins.Password)).Headers.Location!.ToString());
    }

    [Fact]
    public async Task PasswordSetByAnAdmin_SendsThePatientToChangeIt_BeforeThePortalOpens()
    {
        var email = await App.CreatePatientLoginAsync("Penny Portal", mustChangePassword: true);
        using var client = App.CreateBrowserLikeClient();
        await client.PostLoginAsync(email, DemoLogins.Password);

        using var portal = await client.GetAsync("/appointments");
        Assert.Equal(HttpStatusCode.Redirect, portal.StatusCode);
        Assert.Equal("/account/manage/change-password", portal.Headers.Location!.ToString());
        Assert.Contains("data-testid=\"must-change\"", await client.GetStringAsync("/account/manage/change-password"));

        using var changed = await client.PostFormAsync("/account/manage/change-password", "change-password", Fields(DemoLogins.Password, NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/appointments")).StatusCode);
    }

    private static Dictionary<string, string> Fields(string current, string next) => new()
    {
        ["Input.CurrentPassword"] = current,
        ["Input.NewPassword"] = next,
        ["Input.ConfirmPassword"] = next,
    };
}
