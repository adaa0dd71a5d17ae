using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Medications;
using ZealthyEmr.Web.Components.Pages.Admin.Medications;

namespace ZealthyEmr.Tests.Components.Admin;

public sealed class MedicationListTests : AdminPageTestBase
{
    private MedicationService Medications => Services.GetRequiredService<MedicationService>();

    [Fact]
    public async Task Grid_ShowsTheSevenDemoMedications_WithTheirStrengthsAsChips()
    {
        var page = await RenderAsAdminAsync<MedicationList>();

        page.WaitForAssertion(() => Assert.Equal(
            ["Diovan", "Lexapro", "Metformin", "Ozempic", "Prozac", "Seroquel", "Tegretol"],
            page.FindAll("[data-testid=medication-row-name]").Select(e => e.TextContent.Trim())));
        var seroquel = page.FindAll("[data-testid=medication-row-strengths]")[5];
        Assert.Equal(["25mg", "50mg", "100mg", "250mg"], seroquel.QuerySelectorAll(".mud-chip").Select(c => c.TextContent.Trim()));
        Assert.All(page.FindAll("[data-testid=medication-row-status]"), s => Assert.Equal("In use", s.TextContent.Trim()));
    }

    [Fact]
    public async Task DuplicateName_IsShownOnTheNameField_AndNothingIsAdded()
    {
        var page = await RenderAsAdminAsync<MedicationList>();
        page.WaitForAssertion(() => Assert.Equal(7, page.FindAll("[data-testid=medication-row-name]").Count));

        page.Find("[data-testid=medication-create]").Click();
        Dialogs.WaitForElement("input[data-testid=medication-name]").Change("lexapro");
        Dialogs.Find("input[data-testid=medication-new-strength]").Input("5mg");
        Dialogs.Find("[data-testid=medication-add-strength]").Click();
        Dialogs.Find("[data-testid=medication-save]").Click();

        Dialogs.WaitForAssertion(() => Assert.Contains("A medication named lexapro already exists.", Dialogs.Markup));
        Assert.NotEmpty(Dialogs.FindAll("[data-testid=medication-save]"));
        Assert.Equal(7, (await Medications.ListAsync()).Count);
    }

    [Fact]
    public async Task Strengths_AreAddedWithTheButton_RemovedWithTheChipClose_AndSaved()
    {
        var page = await RenderAsAdminAsync<MedicationList>();
        page.WaitForElement("[data-testid=medication-create]").Click();

        Dialogs.WaitForElement("input[data-testid=medication-name]").Change("Testamol");
        foreach (var strength in new[] { "5mg", "10mg", "20 mg" })
        {
            Dialogs.Find("input[data-testid=medication-new-strength]").Input(strength);
            Dialogs.Find("[data-testid=medication-add-strength]").Click();
        }

        // Each add re-renders the dialog; on a loaded machine the last chip may not be there yet (a clean-clone CI run).
        Dialogs.WaitForAssertion(() => Assert.Equal(3, Dialogs.FindAll("[data-testid=medication-strength]").Count));
        Dialogs.FindAll("[data-testid=medication-strength]").Single(c => c.TextContent.Contains("10mg")).QuerySelector("button")!.Click();
        Dialogs.WaitForAssertion(() => Assert.Equal(["5mg", "20 mg"], Dialogs.FindAll("[data-testid=medication-strength]").Select(c => c.TextContent.Trim())));
        Dialogs.Find("[data-testid=medication-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Testamol", page.FindAll("[data-testid=medication-row-name]").Select(e => e.TextContent.Trim())));
        Assert.Equal(["5mg", "20 mg"], (await Medications.ListAsync()).Single(m => m.Name == "Testamol").Strengths);
    }

    [Fact]
    public async Task AStrengthThatIsNotOne_IsRefusedNextToTheStrengths()
    {
        var page = await RenderAsAdminAsync<MedicationList>();
        page.WaitForElement("[data-testid=medication-create]").Click();

        Dialogs.WaitForElement("input[data-testid=medication-name]").Change("Testamol");
        Dialogs.Find("input[data-testid=medication-new-strength]").Input("five mg");
        Dialogs.Find("[data-testid=medication-save]").Click();

        Dialogs.WaitForAssertion(() => Assert.Contains("\"five mg\" is not a strength", Dialogs.Markup));
        Assert.DoesNotContain(await Medications.ListAsync(), m => m.Name == "Testamol");
    }

    [Fact]
    public async Task Retire_AfterConfirmation_MarksTheRowRetired()
    {
        var page = await RenderAsAdminAsync<MedicationList>();

        page.WaitForElement("[aria-label='Retire Diovan']").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Retire Diovan?", Dialogs.Markup));
        DialogButton("Retire").Click();

        page.WaitForAssertion(() => Assert.Equal("Retired", page.FindAll("[data-testid=medication-row-status]")[0].TextContent.Trim()));
        Assert.True((await Medications.ListAsync()).Single(m => m.Name == "Diovan").IsRetired);
        Assert.NotNull(page.Find("[aria-label='Unretire Diovan']"));
    }
}
