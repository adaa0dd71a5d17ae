using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Domain.Sessions;
using ZealthyEmr.Tests.Components.Admin;
using ZealthyEmr.Web.Sessions;

namespace ZealthyEmr.Tests.Components.Sessions;

public sealed class AccountsPageTests : AdminPageTestBase
{
    [Fact]
    public async Task ListsStaffAndAdmins_NotPatients()
    {
        var page = await RenderAsAdminAsync<AccountsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=accounts-table] tbody tr").Count));
        Assert.Contains(DemoLogins.Admin, page.Markup);
        Assert.Contains(DemoLogins.Staff, page.Markup);
        Assert.DoesNotContain(DemoLogins.Mark, page.Markup);
    }

    [Fact]
    public async Task DisableIsConfirmed_ThenTheStaffRowSaysDisabled_AndEnableUndoesIt()
    {
        var page = await RenderAsAdminAsync<AccountsPage>();
        var staffId = await UserIdAsync(DemoLogins.Staff);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=account-disable]").Count));

        StaffRowButton(page, "account-disable").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Disable sign-in for", Dialogs.Markup));
        DialogButton("Disable").Click();

        page.WaitForAssertion(() => Assert.Equal("Sign-in disabled", StaffRowButton(page, "account-status").TextContent.Trim()));
        Assert.True((await Services.GetRequiredService<AccountAccessService>().GetAsync(staffId))!.SignInDisabled);

        StaffRowButton(page, "account-enable").Click();
        page.WaitForAssertion(() => Assert.Equal("Can sign in", StaffRowButton(page, "account-status").TextContent.Trim()));
        Assert.False((await Services.GetRequiredService<AccountAccessService>().GetAsync(staffId))!.SignInDisabled);
    }

    [Fact]
    public async Task AdminsOwnRow_CannotBeDisabled()
    {
        var page = await RenderAsAdminAsync<AccountsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=accounts-table] tbody tr").Count));
        var adminRow = page.FindAll("[data-testid=accounts-table] tbody tr").Single(r => r.TextContent.Contains(DemoLogins.Admin));
        Assert.True(adminRow.QuerySelector("[data-testid=account-disable]")!.HasAttribute("disabled"));
    }

    private static AngleSharp.Dom.IElement StaffRowButton(IRenderedComponent<AccountsPage> page, string testId) =>
        page.FindAll("[data-testid=accounts-table] tbody tr").Single(r => r.TextContent.Contains(DemoLogins.Staff)).QuerySelector($"[data-testid={testId}]")!;

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
