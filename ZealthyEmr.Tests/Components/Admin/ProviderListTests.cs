using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Web.Components.Pages.Admin.Providers;

namespace ZealthyEmr.Tests.Components.Admin;

public sealed class ProviderListTests : AdminPageTestBase
{
    private ProviderAdminService Providers => Services.GetRequiredService<ProviderAdminService>();

    [Fact]
    public async Task Grid_ListsTheDemoProviders_WithTheirHours()
    {
        var page = await RenderAsAdminAsync<ProviderList>();

        page.WaitForAssertion(() => Assert.Equal(
            ["Dr Kim West", "Dr Lin James", "Dr Sally Field"],
            page.FindAll("[data-testid=provider-row-name]").Select(e => e.TextContent.Trim())));
        Assert.All(page.FindAll("[data-testid=provider-row-hours]"), h => Assert.Equal("Mon–Fri 09:00–17:00", h.TextContent.Trim()));
        Assert.All(page.FindAll("[data-testid=provider-row-active]"), a => Assert.Equal("Active", a.TextContent.Trim()));
    }

    [Fact]
    public async Task CreateThroughTheDialog_AddsARowAndStoresTheProvider()
    {
        var page = await RenderAsAdminAsync<ProviderList>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=provider-row-name]").Count));

        page.Find("[data-testid=provider-create]").Click();
        Dialogs.WaitForElement("input[data-testid=provider-name]").Change("Dr Ada Stone");
        Dialogs.Find("input[data-testid=provider-specialty]").Change("Dermatology");
        Dialogs.Find("[data-testid=provider-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Dr Ada Stone", page.FindAll("[data-testid=provider-row-name]").Select(e => e.TextContent.Trim())));
        var stored = Assert.Single(await Providers.ListAsync(), p => p.Name == "Dr Ada Stone");
        Assert.Equal("Dermatology", stored.Specialty);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], stored.Hours.Select(h => h.Day));
        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("[data-testid=provider-save]")));
    }

    [Fact]
    public async Task DeletingAProviderWithVisits_IsConfirmedThenRefusedWithTheInUseMessage()
    {
        var page = await RenderAsAdminAsync<ProviderList>();

        page.WaitForElement("[aria-label='Delete Dr Kim West']").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Delete Dr Kim West?", Dialogs.Markup));
        DialogButton("Delete").Click();

        Snackbars.WaitForAssertion(() => Assert.Contains("Dr Kim West cannot be deleted", Snackbars.Markup));
        Assert.Contains("Deactivate them instead", Snackbars.Markup);
        Assert.Contains(await Providers.ListAsync(), p => p.Name == "Dr Kim West");
    }

    [Fact]
    public async Task HoursThatStrandVisits_AreNotSaved_AndTheVisitsAreListedInTheDialog()
    {
        var page = await RenderAsAdminAsync<ProviderList>();
        var before = (await Providers.ListAsync()).Single(p => p.Name == "Dr Kim West");

        page.WaitForElement("[aria-label='Edit hours for Dr Kim West']").Click();
        Dialogs.WaitForElement("[data-testid=workday]");
        foreach (var box in Dialogs.FindAll("[data-testid=workday] input[type=checkbox]").Where(b => b.HasAttribute("checked")).ToList())
        {
            box.Change(false);
        }

        Dialogs.Find("[data-testid=provider-save]").Click();

        Dialogs.WaitForAssertion(() => Assert.Contains("Mark Johnson on", Dialogs.Find("[data-testid=stranded-visits]").TextContent));
        Assert.Equal(before.Version, (await Providers.GetAsync(before.Id))!.Version);
    }

    [Fact]
    public async Task StaleSave_ShowsTheConflict_AndReloadBringsInTheStoredRecord_WhileTheGridStaysLive()
    {
        var page = await RenderAsAdminAsync<ProviderList>();
        var lin = (await Providers.ListAsync()).Single(p => p.Name == "Dr Lin James");
        page.WaitForElement("[aria-label='Edit hours for Dr Lin James']").Click();
        Dialogs.WaitForElement("input[data-testid=provider-specialty]").Change("Typed but not saved");

        // Someone else renames her meanwhile; the grid re-reads, the open dialog keeps what was typed.
        var renamed = await Providers.UpdateAsync(lin.Id, new ProviderInput("Dr Lin James-Park", lin.Specialty, lin.Hours), lin.Version);
        Assert.True(renamed.Succeeded, renamed.Error?.Message);
        page.WaitForAssertion(() => Assert.Contains("Dr Lin James-Park", page.FindAll("[data-testid=provider-row-name]").Select(e => e.TextContent.Trim())));
        Assert.Equal("Typed but not saved", Dialogs.Find("input[data-testid=provider-specialty]").GetAttribute("value"));

        Dialogs.Find("[data-testid=provider-save]").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("changed by someone else", Dialogs.Find("[data-testid=provider-conflict]").TextContent));
        Dialogs.Find("[data-testid=provider-reload]").Click();

        Dialogs.WaitForAssertion(() => Assert.Equal("Dr Lin James-Park", Dialogs.Find("input[data-testid=provider-name]").GetAttribute("value")));
        Assert.Empty(Dialogs.FindAll("[data-testid=provider-conflict]"));
        Assert.Equal(lin.Specialty, Dialogs.Find("input[data-testid=provider-specialty]").GetAttribute("value"));
    }
}
