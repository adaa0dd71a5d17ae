using System.Net;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Accounts;

public sealed class TwoFactorEnrolmentTests
{
    [Fact]
    public async Task RequiredRole_IsSentToEnrolment_WhilePatientsAreNot()
    {
        await using var app = new EmrAppFactory(settings: new Dictionary<string, string?> { ["Security:TwoFactorRequiredRoles"] = "Admin,Staff" });
        using var staff = app.CreateBrowserLikeClient();
        using var patient = app.CreateBrowserLikeClient();
        await staff.PostLoginAsync(DemoLogins.Staff, DemoLogins.Password);
        await patient.PostLoginAsync(DemoLogins.Lisa, DemoLogins.Password);

        using var admin = await staff.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Equal("/account/manage/authenticator", admin.Headers.Location!.ToString());
        Assert.Contains("data-testid=\"enrolment-required\"", await staff.GetStringAsync("/account/manage/authenticator"));
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task EmptyRoleList_RequiresNobody()
    {
        await using var app = new EmrAppFactory();
        using var staff = app.CreateBrowserLikeClient();
        await staff.PostLoginAsync(DemoLogins.Staff, DemoLogins.Password);

        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/admin")).StatusCode);
    }
}
