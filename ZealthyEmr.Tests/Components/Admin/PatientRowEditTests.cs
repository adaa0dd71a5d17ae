using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Web.Components.Pages.Admin.Patients;

namespace ZealthyEmr.Tests.Components.Admin;

public sealed class PatientRowEditTests : AdminPageTestBase
{
    private const string Colleague = "colleague@zealthy.example";
    private const string NameInput = "input[data-testid=patient-row-name-input]";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private PatientAdminService Patients => Services.GetRequiredService<PatientAdminService>();

    [Fact]
    public async Task EditInTheRow_EnterSaves_AndTheRowShowsTheStoredValues()
    {
        var page = await RenderAsAdminAsync<PatientGrid>();
        var mark = await PatientAsync(DemoLogins.Mark);

        page.WaitForElement("[aria-label='Edit Mark Johnson']", Patience).Click();
        page.WaitForElement(NameInput, Patience).Input("Mark A. Johnson");
        page.Find("input[data-testid=patient-row-phone-input]").Input("+1 555 0199");
        page.Find("input[data-testid=patient-row-born-input]").Input("4/13/1985");
        page.Find("input[data-testid=patient-row-born-input]").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(NameInput)), Patience);
        var saved = (await Patients.GetAsync(mark.Id))!;
        Assert.Equal(("Mark A. Johnson", "+1 555 0199", new DateOnly(1985, 4, 13), DemoLogins.Mark), (saved.Name, saved.Phone, saved.DateOfBirth, saved.Email));
        Assert.NotEqual(mark.Version, saved.Version);
        page.WaitForAssertion(() => Assert.Contains("Mark A. Johnson", page.Find("[data-testid=patient-grid]").TextContent), Patience);
    }

    [Fact]
    public async Task BadInput_ShowsTheDialogsMessagesBesideTheCells_AndEscapeAbandonsTheEdit()
    {
        var page = await RenderAsAdminAsync<PatientGrid>();
        var mark = await PatientAsync(DemoLogins.Mark);
        page.WaitForElement("[aria-label='Edit Mark Johnson']", Patience).Click();

        page.WaitForElement(NameInput, Patience).Input(" ");
        page.Find("input[data-testid=patient-row-email-input]").Input("");
        page.Find("input[data-testid=patient-row-born-input]").Input("31/31/2020");
        page.Find("[data-testid=patient-row-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("Enter the patient's name.", page.Markup), Patience);
        Assert.Contains("Enter an email address.", page.Markup);
        Assert.Contains("Enter the date of birth as m/d/yyyy.", page.Markup);

        page.Find(NameInput).Input("Mark Johnson");
        page.Find("input[data-testid=patient-row-born-input]").Input("");
        page.Find("input[data-testid=patient-row-email-input]").Input(DemoLogins.Lisa);
        page.Find("input[data-testid=patient-row-email-input]").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        page.WaitForAssertion(() => Assert.Contains($"{DemoLogins.Lisa} is already used by another account.", page.Markup), Patience);
        Assert.DoesNotContain("Enter the patient's name.", page.Markup);

        page.Find("input[data-testid=patient-row-email-input]").KeyDown(new KeyboardEventArgs { Key = "Escape" });

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(NameInput)), Patience);
        Assert.Equal(mark.Version, (await Patients.GetAsync(mark.Id))!.Version);
    }

    [Fact]
    public async Task StaleSave_NamesWhoChangedItWithTheStoredValues_AndKeepMineSavesOverTheirs()
    {
        var page = await RenderAsAdminAsync<PatientGrid>();
        var lisa = await PatientAsync(DemoLogins.Lisa);
        page.WaitForElement("[aria-label='Edit Lisa Smith']", Patience).Click();
        page.WaitForElement("input[data-testid=patient-row-phone-input]", Patience).Input("+1 555 0123");

        await ChangeAsColleagueAsync(lisa, "Lisa Smith-Jones");

        page.Find("[data-testid=patient-row-save]").Click();
        var conflict = page.WaitForElement("[data-testid=patient-row-conflict]", Patience);
        Assert.Contains(Colleague, conflict.TextContent);
        Assert.Contains($"Stored now: Lisa Smith-Jones, {DemoLogins.Lisa}, +1 555 0101, born 9/3/1990", conflict.TextContent);
        Assert.Equal("+1 555 0123", page.Find("input[data-testid=patient-row-phone-input]").GetAttribute("value"));

        page.Find("[data-testid=patient-keep-mine]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=patient-row-conflict]")), Patience);
        var saved = (await Patients.GetAsync(lisa.Id))!;
        Assert.Equal(("Lisa Smith", "+1 555 0123"), (saved.Name, saved.Phone));
    }

    [Fact]
    public async Task TakeTheirs_ShowsTheStoredRow_AndAnotherRowsEditSurvivesALiveChange()
    {
        var page = await RenderAsAdminAsync<PatientGrid>();
        var lisa = await PatientAsync(DemoLogins.Lisa);
        page.WaitForElement("[aria-label='Edit Lisa Smith']", Patience).Click();
        page.WaitForElement(NameInput, Patience).Input("Mine");
        await ChangeAsColleagueAsync(lisa, "Lisa Smith-Jones");
        page.Find("[data-testid=patient-row-save]").Click();
        page.WaitForElement("[data-testid=patient-take-theirs]", Patience).Click();

        page.WaitForAssertion(() => Assert.Contains("Lisa Smith-Jones", page.Find("[data-testid=patient-grid]").TextContent), Patience);
        Assert.Empty(page.FindAll(NameInput));
        Assert.Equal("Lisa Smith-Jones", (await Patients.GetAsync(lisa.Id))!.Name);

        page.Find("[aria-label='Edit Mark Johnson']").Click();
        page.WaitForElement(NameInput, Patience).Input("Half typed");
        await ChangeAsColleagueAsync(await PatientAsync(DemoLogins.Lisa), "Lisa Jones");

        page.WaitForAssertion(() => Assert.Contains("Lisa Jones", page.Find("[data-testid=patient-grid]").TextContent), Patience);
        Assert.Equal("Half typed", page.Find(NameInput).GetAttribute("value"));
    }

    [Fact]
    public async Task Staff_SeeTheGridWithoutAnyWayToEditIt()
    {
        await SignInAsAsync(DemoLogins.Staff, Roles.Staff);
        Context.Render<MudPopoverProvider>();
        var page = Context.Render<PatientGrid>();

        page.WaitForAssertion(() => Assert.Contains("Lisa Smith", page.Find("[data-testid=patient-grid]").TextContent), Patience);
        Assert.Empty(page.FindAll("[data-testid=edit-patient]"));
        Assert.Empty(page.FindAll("[data-testid=archive-patient]"));
    }

    private async Task<PatientDetails> PatientAsync(string email)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        var id = await db.Patients.Where(p => p.NormalizedEmail == email.ToUpperInvariant()).Select(p => p.Id).SingleAsync();
        return (await Patients.GetAsync(id))!;
    }

    private async Task ChangeAsColleagueAsync(PatientDetails patient, string name)
    {
        using var _ = Services.GetRequiredService<IAuditContext>().Begin(new AuditActor(null, Colleague, "Admin", null, AuditChannel.Portal, null));
        var changed = await Patients.UpdateAsync(patient.Id, new PatientInput(name, patient.Email, patient.DateOfBirth, patient.Phone), patient.Version);
        Assert.True(changed.Succeeded, changed.Error?.Message);
    }
}
