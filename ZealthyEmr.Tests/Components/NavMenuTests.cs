using Bunit;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Tests.Infrastructure;
using ZealthyEmr.Web.Components.Layout;

namespace ZealthyEmr.Tests.Components;

public sealed class NavMenuTests : BunitTestBase
{
    [Fact]
    public void Patient_SeesOnlyPortalLinks()
    {
        Authorization.SetAuthorized("mark").SetRoles(Roles.Patient);

        var links = Context.Render<NavMenu>().FindAll("a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(["/", "/appointments", "/prescriptions", "/book", "/notifications", "/access-report"], links);
    }

    [Fact]
    public void Staff_SeesPatientsAndSchedule_ButNotAdminOnlyPages()
    {
        Authorization.SetAuthorized("desk").SetRoles(Roles.Staff);

        var links = Context.Render<NavMenu>().FindAll("a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(["/admin", "/admin/schedule"], links);
    }

    [Fact]
    public void Admin_SeesEveryAdminPage()
    {
        Authorization.SetAuthorized("boss").SetRoles(Roles.Admin);

        var links = Context.Render<NavMenu>().FindAll("a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(["/admin", "/admin/schedule", "/admin/providers", "/admin/medications", "/admin/analytics", "/admin/notifications", "/admin/audit"], links);
    }
}
