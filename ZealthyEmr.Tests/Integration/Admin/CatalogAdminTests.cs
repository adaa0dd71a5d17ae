using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Medications;
using ZealthyEmr.Domain.Prescriptions;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Admin;

/// <summary>Medications, prescriptions and providers against the seeded demo clinic.</summary>
public sealed class CatalogAdminTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private EmrAppFactory App => database.App;

    private MedicationService Medications => App.Services.GetRequiredService<MedicationService>();

    private PrescriptionService Prescriptions => App.Services.GetRequiredService<PrescriptionService>();

    private ProviderAdminService Providers => App.Services.GetRequiredService<ProviderAdminService>();

    [Fact]
    public async Task Medication_DuplicateNameInOtherCase_IsRefused()
    {
        var before = (await Medications.ListAsync()).Count;

        var result = await Medications.CreateAsync(new MedicationInput("  lexAPRO ", null, ["5mg"]));

        Assert.Equal(ErrorCodes.DuplicateName, result.Error?.Code);
        Assert.Equal(before, (await Medications.ListAsync()).Count);
    }

    [Fact]
    public async Task Medication_Strengths_AreTrimmedDistinctAndChecked()
    {
        var bad = await Medications.CreateAsync(new MedicationInput("Testamol", null, ["5mg", "five mg"]));
        var created = await Medications.CreateAsync(new MedicationInput("Testamol", "For tests.", [" 5mg ", "5MG", "0.5 ml", "100 units"]));

        Assert.Equal(ErrorCodes.Validation, bad.Error?.Code);
        Assert.Contains("five mg", bad.Error!.Message);
        Assert.True(created.Succeeded, created.Error?.Message);
        var row = (await Medications.ListAsync()).Single(m => m.Name == "Testamol");
        Assert.Equal(["5mg", "0.5 ml", "100 units"], row.Strengths);
    }

    [Fact]
    public async Task Prescription_DosageNotAmongTheStrengths_IsRefusedOnDosage()
    {
        var (mark, lexapro) = await MarkAndMedicationAsync("Lexapro");

        var result = await Prescriptions.CreateAsync(mark, new PrescriptionInput(lexapro, "7mg", 1, new DateOnly(2030, 1, 1), RefillSchedule.Monthly));

        Assert.Equal(ErrorCodes.Validation, result.Error?.Code);
        Assert.True(result.Error!.Fields!.ContainsKey("dosage"));
    }

    [Fact]
    public async Task Prescription_RetiredMedication_CannotBePrescribed_ButExistingPrescriptionKeepsIt()
    {
        var created = await Medications.CreateAsync(new MedicationInput($"Oldcillin {Guid.NewGuid():N}", null, ["250mg"]));
        var medicationId = created.Value;
        var (mark, _) = await MarkAndMedicationAsync("Lexapro");
        var existing = await Prescriptions.CreateAsync(mark, new PrescriptionInput(medicationId, "250mg", 2, new DateOnly(2030, 1, 1), RefillSchedule.Weekly));
        Assert.True(existing.Succeeded, existing.Error?.Message);

        Assert.True((await Medications.RetireAsync(medicationId)).Succeeded);
        var refused = await Prescriptions.CreateAsync(mark, new PrescriptionInput(medicationId, "250mg", 1, new DateOnly(2030, 1, 1), RefillSchedule.Weekly));
        var kept = await Prescriptions.GetAsync(existing.Value);
        var edited = await Prescriptions.UpdateAsync(existing.Value, new PrescriptionInput(medicationId, "250mg", 3, new DateOnly(2030, 1, 1), RefillSchedule.Weekly), kept!.Version);

        Assert.Equal(ErrorCodes.Validation, refused.Error?.Code);
        Assert.Contains("retired", refused.Error!.Message);
        Assert.Equal(medicationId, kept.MedicationId);
        Assert.True(kept.MedicationRetired);
        Assert.Equal(new DateOnly(2030, 1, 1), kept.NextRefill);
        Assert.True(edited.Succeeded, edited.Error?.Message);
        Assert.Equal(3, (await Prescriptions.GetAsync(existing.Value))!.Quantity);
    }

    [Fact]
    public async Task Prescription_End_InThePast_DeactivatesIt()
    {
        var (mark, metformin) = await MarkAndMedicationAsync("Metformin");
        var id = (await Prescriptions.CreateAsync(mark, new PrescriptionInput(metformin, "500mg", 1, new DateOnly(2020, 1, 1), RefillSchedule.Monthly))).Value;

        var ended = await Prescriptions.EndAsync(id, new DateOnly(2021, 1, 1));

        Assert.True(ended.Succeeded);
        var row = await Prescriptions.GetAsync(id);
        Assert.False(row!.IsActive);
        Assert.Null(row.NextRefill);
    }

    [Fact]
    public async Task Provider_WithSeries_CannotBeDeleted()
    {
        var kim = await App.ProviderIdAsync("Dr Kim West");

        var result = await Providers.DeleteAsync(kim);

        Assert.Equal(ErrorCodes.InUse, result.Error?.Code);
        Assert.Contains("Deactivate", result.Error!.Message);
        Assert.NotNull(await Providers.GetAsync(kim));
    }

    [Fact]
    public async Task Provider_Unreferenced_IsDeleted()
    {
        var id = (await Providers.CreateAsync(new ProviderInput("Dr Temp", "Locum", [new DayHours(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0))]))).Value;

        var result = await Providers.DeleteAsync(id);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Null(await Providers.GetAsync(id));
    }

    [Fact]
    public async Task Provider_HoursOffTheGrid_AreRefused()
    {
        var result = await Providers.CreateAsync(new ProviderInput("Dr Odd", "Hours", [new DayHours(DayOfWeek.Monday, new TimeOnly(9, 10), new TimeOnly(12, 0))]));

        Assert.Equal(ErrorCodes.Validation, result.Error?.Code);
        Assert.True(result.Error!.Fields!.ContainsKey("hours"));
    }

    [Fact]
    public async Task Provider_HoursThatStrandUpcomingVisits_AreRefusedNamingThem_AndNotSaved()
    {
        var kim = await App.ProviderIdAsync("Dr Kim West");
        var before = await Providers.GetAsync(kim);
        var mornings = Enumerable.Range(1, 5).Select(d => new DayHours((DayOfWeek)d, new TimeOnly(9, 0), new TimeOnly(12, 0))).ToList();

        // Mark sees Dr Kim West weekly at 16:30 in the demo clinic.
        var result = await Providers.UpdateAsync(kim, new ProviderInput(before!.Name, before.Specialty, mornings), before.Version);

        Assert.Equal(ErrorCodes.StrandedVisits, result.Error?.Code);
        Assert.Contains("Mark Johnson on", result.Error!.Message);
        Assert.Contains("at 16:30", result.Error.Message);
        var after = await Providers.GetAsync(kim);
        Assert.Equal(before.Version, after!.Version);
        Assert.Equal(before.Hours, after.Hours);
        Assert.All(after.Hours, h => Assert.Equal(new TimeOnly(17, 0), h.End));
    }

    [Fact]
    public async Task Provider_StaleEdit_IsRefused()
    {
        var id = (await Providers.CreateAsync(new ProviderInput("Dr Twice", "Edits", []))).Value;
        var opened = (await Providers.GetAsync(id))!.Version;
        Assert.True((await Providers.UpdateAsync(id, new ProviderInput("Dr Twice", "First", []), opened)).Succeeded);

        var result = await Providers.UpdateAsync(id, new ProviderInput("Dr Twice", "Second", []), opened);

        Assert.Equal(ErrorCodes.Concurrency, result.Error?.Code);
        Assert.Equal("First", (await Providers.GetAsync(id))!.Specialty);
    }

    private async Task<(Guid Patient, Guid Medication)> MarkAndMedicationAsync(string medication)
    {
        await using var db = await database.CreateDbContextAsync();
        var mark = await db.Patients.Where(p => p.Email == DemoLogins.Mark).Select(p => p.Id).SingleAsync();
        var id = await db.Medications.Where(m => m.Name == medication).Select(m => m.Id).SingleAsync();
        return (mark, id);
    }
}
