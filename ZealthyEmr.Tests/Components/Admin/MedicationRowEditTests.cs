using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Medications;
using ZealthyEmr.Web.Components.Pages.Admin.Medications;

namespace ZealthyEmr.Tests.Components.Admin;

public sealed class MedicationRowEditTests : AdminPageTestBase
{
    private MedicationService Medications => Services.GetRequiredService<MedicationService>();

    [Fact]
    public async Task RenameAndRetireInTheRow_EnterSaves_KeepingTheStrengths()
    {
        var page = await RenderAsAdminAsync<MedicationList>();
        var before = (await Medications.ListAsync()).Single(m => m.Name == "Diovan");

        page.WaitForElement("[aria-label='Edit Diovan']").Click();
        page.WaitForElement("input[data-testid=medication-row-name-input]").Input("Diovan HCT");
        page.Find("input[data-testid=medication-row-inuse-input]").Change(false);
        page.Find("input[data-testid=medication-row-name-input]").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.Contains("Diovan HCT", page.FindAll("[data-testid=medication-row-name]").Select(e => e.TextContent.Trim())));
        var saved = (await Medications.GetAsync(before.Id))!;
        Assert.Equal(("Diovan HCT", true), (saved.Name, saved.IsRetired));
        Assert.Equal(before.Strengths, saved.Strengths);
    }

    [Fact]
    public async Task OpeningARow_OffersItsNameCellFocusOnce_NotAgainWhenTheRowRendersWhileBeingEdited()
    {
        var focus = Context.JSInterop.SetupModule("./js/first-cell-focus.js");
        focus.SetupVoid("focusUnlessPlaced", _ => true).SetVoidResult();
        var page = await RenderAsAdminAsync<MedicationList>();

        page.WaitForElement("[aria-label='Edit Diovan']").Click();
        page.WaitForAssertion(() => Assert.Single(focus.Invocations["focusUnlessPlaced"]));
        page.Find("input[data-testid=medication-row-inuse-input]").Change(false);
        page.Render();

        Assert.Single(focus.Invocations["focusUnlessPlaced"]);
        Assert.NotEmpty(page.FindAll("input[data-testid=medication-row-name-input]"));
    }

    [Fact]
    public async Task DuplicateName_IsShownOnTheRowsNameField_AndNothingChanges()
    {
        var page = await RenderAsAdminAsync<MedicationList>();
        var before = (await Medications.ListAsync()).Single(m => m.Name == "Diovan");

        page.WaitForElement("[aria-label='Edit Diovan']").Click();
        page.WaitForElement("input[data-testid=medication-row-name-input]").Input("lexapro");
        page.Find("[data-testid=medication-row-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("A medication named lexapro already exists.", page.Markup));
        Assert.NotEmpty(page.FindAll("input[data-testid=medication-row-name-input]"));
        Assert.Equal(before.Version, (await Medications.GetAsync(before.Id))!.Version);
    }

    [Fact]
    public async Task StaleSave_ShowsTheStoredValues_AndTakeTheirsEndsTheEdit()
    {
        var page = await RenderAsAdminAsync<MedicationList>();
        var diovan = (await Medications.ListAsync()).Single(m => m.Name == "Diovan");
        page.WaitForElement("[aria-label='Edit Diovan']").Click();
        page.WaitForElement("input[data-testid=medication-row-name-input]").Input("Mine");

        Assert.True((await Medications.UpdateAsync(diovan.Id, new MedicationInput("Valsartan", diovan.Description, diovan.Strengths), diovan.Version)).Succeeded);
        page.Find("[data-testid=medication-row-save]").Click();

        var conflict = page.WaitForElement("[data-testid=medication-row-conflict]");
        Assert.Contains("Stored now: Valsartan, in use", conflict.TextContent);
        page.Find("[data-testid=medication-take-theirs]").Click();

        page.WaitForAssertion(() => Assert.Contains("Valsartan", page.FindAll("[data-testid=medication-row-name]").Select(e => e.TextContent.Trim())));
        Assert.Empty(page.FindAll("input[data-testid=medication-row-name-input]"));
        Assert.Equal("Valsartan", (await Medications.GetAsync(diovan.Id))!.Name);
    }
}
