using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Web.Components.Pages.Admin.Providers;

namespace ZealthyEmr.Tests.Components.Admin;

public sealed class ProviderRowEditTests : AdminPageTestBase
{
    private const string Colleague = "colleague@zealthy.example";

    private ProviderAdminService Providers => Services.GetRequiredService<ProviderAdminService>();

    [Fact]
    public async Task EditInTheRow_EnterSaves_AndTheRowShowsTheStoredValues()
    {
        var page = await RenderAsAdminAsync<ProviderList>();

        page.WaitForElement("[aria-label='Edit Dr Kim West']").Click();
        page.WaitForElement("input[data-testid=provider-row-specialty-input]").Input("Cardiology");
        page.Find("input[data-testid=provider-row-active-input]").Change(false);
        page.Find("input[data-testid=provider-row-specialty-input]").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("input[data-testid=provider-row-specialty-input]")));
        var kim = (await Providers.ListAsync()).Single(p => p.Name == "Dr Kim West");
        Assert.Equal("Cardiology", kim.Specialty);
        Assert.False(kim.IsActive);
        Assert.Equal("Mon–Fri 09:00–17:00", HoursSummary.Describe(kim.Hours));
        Assert.Contains("Cardiology", page.Find("[data-testid=providers-grid]").TextContent);
    }

    [Fact]
    public async Task EmptyName_ShowsTheDialogsMessage_AndEscapeAbandonsTheEdit()
    {
        var page = await RenderAsAdminAsync<ProviderList>();
        var before = (await Providers.ListAsync()).Single(p => p.Name == "Dr Kim West");

        page.WaitForElement("[aria-label='Edit Dr Kim West']").Click();
        page.WaitForElement("input[data-testid=provider-row-name-input]").Input("  ");
        page.Find("[data-testid=provider-row-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Enter the provider's name.", page.Markup));
        page.Find("input[data-testid=provider-row-name-input]").KeyDown(new KeyboardEventArgs { Key = "Escape" });

        page.WaitForAssertion(() => Assert.Contains("Dr Kim West", page.FindAll("[data-testid=provider-row-name]").Select(e => e.TextContent.Trim())));
        Assert.Equal(before.Version, (await Providers.GetAsync(before.Id))!.Version);
    }

    [Fact]
    public async Task StaleSave_NamesWhoChangedIt_AndKeepMineSavesOverTheirs()
    {
        var page = await RenderAsAdminAsync<ProviderList>();
        var lin = (await Providers.ListAsync()).Single(p => p.Name == "Dr Lin James");
        page.WaitForElement("[aria-label='Edit Dr Lin James']").Click();
        page.WaitForElement("input[data-testid=provider-row-specialty-input]").Input("Typed but not saved");

        await RenameAsColleagueAsync(lin, "Dr Lin James-Park");

        page.Find("[data-testid=provider-row-save]").Click();
        var conflict = page.WaitForElement("[data-testid=provider-row-conflict]");
        Assert.Contains(Colleague, conflict.TextContent);
        Assert.Contains("Stored now: Dr Lin James-Park", conflict.TextContent);
        Assert.Equal("Typed but not saved", page.Find("input[data-testid=provider-row-specialty-input]").GetAttribute("value"));

        page.Find("[data-testid=provider-keep-mine]").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=provider-row-conflict]")));
        var saved = (await Providers.GetAsync(lin.Id))!;
        Assert.Equal(("Dr Lin James", "Typed but not saved"), (saved.Name, saved.Specialty));
    }

    [Fact]
    public async Task TakeTheirs_EndsTheEditWithTheStoredValues_AndAnotherRowsEditSurvivesTheLiveReload()
    {
        var page = await RenderAsAdminAsync<ProviderList>();
        var lin = (await Providers.ListAsync()).Single(p => p.Name == "Dr Lin James");
        page.WaitForElement("[aria-label='Edit Dr Lin James']").Click();
        page.WaitForElement("input[data-testid=provider-row-specialty-input]").Input("Mine");
        await RenameAsColleagueAsync(lin, "Dr Lin James-Park");
        page.Find("[data-testid=provider-row-save]").Click();
        page.WaitForElement("[data-testid=provider-take-theirs]").Click();

        page.WaitForAssertion(() => Assert.Contains("Dr Lin James-Park", page.FindAll("[data-testid=provider-row-name]").Select(e => e.TextContent.Trim())));
        Assert.Empty(page.FindAll("input[data-testid=provider-row-specialty-input]"));
        Assert.Equal(lin.Specialty, (await Providers.GetAsync(lin.Id))!.Specialty);

        page.Find("[aria-label='Edit Dr Kim West']").Click();
        page.WaitForElement("input[data-testid=provider-row-specialty-input]").Input("Half typed");
        var sally = (await Providers.ListAsync()).Single(p => p.Name == "Dr Sally Field");
        await RenameAsColleagueAsync(sally, "Dr Sally Fields");

        page.WaitForAssertion(() => Assert.Contains("Dr Sally Fields", page.FindAll("[data-testid=provider-row-name]").Select(e => e.TextContent.Trim())));
        Assert.Equal("Half typed", page.Find("input[data-testid=provider-row-specialty-input]").GetAttribute("value"));
    }

    private async Task RenameAsColleagueAsync(ProviderDetails provider, string name)
    {
        using var _ = Services.GetRequiredService<IAuditContext>().Begin(new AuditActor(null, Colleague, "Admin", null, AuditChannel.Portal, null));
        var renamed = await Providers.UpdateAsync(provider.Id, new ProviderInput(name, provider.Specialty, provider.Hours), provider.Version);
        Assert.True(renamed.Succeeded, renamed.Error?.Message);
    }
}
