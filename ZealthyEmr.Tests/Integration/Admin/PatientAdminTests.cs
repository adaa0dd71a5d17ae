using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Prescriptions;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Admin;

public sealed class PatientAdminTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private const string Password = "Sturdy-Pass-42";

    private EmrAppFactory App => database.App;

    private PatientAdminService Patients => App.Services.GetRequiredService<PatientAdminService>();

    [Fact]
    public async Task Create_ThenTheNewLoginAcceptsThePassword()
    {
        var email = UniqueEmail("new");

        var result = await Patients.CreateAsync(new PatientInput("Nora New", email, new DateOnly(1970, 1, 2), "+1 555 0199"), Password);

        Assert.True(result.Succeeded, result.Error?.Message);
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EmrUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, Password));
        Assert.True(await users.IsInRoleAsync(user, Roles.Patient));
        var details = await Patients.GetAsync(result.Value);
        Assert.Equal("Nora New", details?.Name);
        Assert.Equal(new DateOnly(1970, 1, 2), details?.DateOfBirth);
    }

    [Fact]
    public async Task Create_EmailOfAnExistingLoginInOtherCase_IsDuplicateAndCreatesNoUser()
    {
        var before = await CountsAsync();

        var result = await Patients.CreateAsync(new PatientInput("Second Mark", DemoLogins.Mark.ToUpperInvariant()), Password);

        Assert.Equal(ErrorCodes.DuplicateEmail, result.Error?.Code);
        Assert.True(result.Error!.Fields!.ContainsKey("email"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Create_WeakPassword_IsRefusedOnThePasswordField_AndWritesNothing()
    {
        var email = UniqueEmail("weak");
        var before = await CountsAsync();

        var result = await Patients.CreateAsync(new PatientInput("Wes Weak", email), "short");

        Assert.Equal(ErrorCodes.Validation, result.Error?.Code);
        Assert.NotEmpty(result.Error!.Fields!["password"]);
        Assert.Equal(before, await CountsAsync());
        await using var db = await database.CreateDbContextAsync();
        Assert.False(await db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("", "a@b.example", "name")]
    [InlineData("Ann", "not-an-email", "email")]
    [InlineData("Ann", "", "email")]
    public async Task Create_InvalidFields_AreRefusedOnTheirField(string name, string email, string field)
    {
        var result = await Patients.CreateAsync(new PatientInput(name, email), Password);

        Assert.Equal(ErrorCodes.Validation, result.Error?.Code);
        Assert.True(result.Error!.Fields!.ContainsKey(field));
    }

    [Fact]
    public async Task Update_NewEmail_StillSignsInWithTheSamePassword()
    {
        var id = (await Patients.CreateAsync(new PatientInput("Ed Mover", UniqueEmail("old")), Password)).Value;
        var version = (await Patients.GetAsync(id))!.Version;
        var newEmail = UniqueEmail("moved");

        var result = await Patients.UpdateAsync(id, new PatientInput("Ed Mover", newEmail), version);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.NotEqual(version, result.Value);
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EmrUser>>();
        var user = await users.FindByNameAsync(newEmail);
        Assert.NotNull(user);
        Assert.Equal(newEmail, user.Email);
        Assert.True(await users.CheckPasswordAsync(user, Password));
        Assert.Equal(newEmail, (await Patients.GetAsync(id))!.Email);
    }

    [Fact]
    public async Task Update_ToAnotherPatientsEmail_IsDuplicate()
    {
        var id = (await Patients.CreateAsync(new PatientInput("Di Dupe", UniqueEmail("dupe")), Password)).Value;
        var version = (await Patients.GetAsync(id))!.Version;

        var result = await Patients.UpdateAsync(id, new PatientInput("Di Dupe", DemoLogins.Lisa), version);

        Assert.Equal(ErrorCodes.DuplicateEmail, result.Error?.Code);
    }

    [Fact]
    public async Task Update_WithAStaleVersion_IsRefused_AndLeavesTheDataAlone()
    {
        var email = UniqueEmail("stale");
        var id = (await Patients.CreateAsync(new PatientInput("Sam Stale", email), Password)).Value;
        var opened = (await Patients.GetAsync(id))!.Version;
        Assert.True((await Patients.UpdateAsync(id, new PatientInput("Sam Fresh", email, Phone: "1"), opened)).Succeeded);

        var result = await Patients.UpdateAsync(id, new PatientInput("Sam Overwrite", email, Phone: "2"), opened);

        Assert.Equal(ErrorCodes.Concurrency, result.Error?.Code);
        var now = await Patients.GetAsync(id);
        Assert.Equal("Sam Fresh", now!.Name);
        Assert.Equal("1", now.Phone);
    }

    [Fact]
    public async Task Stats_CountKeptAndCancelledVisits()
    {
        var id = (await Patients.CreateAsync(new PatientInput("Stan Stats", UniqueEmail("stats")), Password)).Value;
        await AddSeriesAndPrescriptionAsync(id);

        var stats = await Patients.GetStatsAsync(id);

        Assert.Equal(new PatientStats(VisitsKept: 2, VisitsCancelled: 1, ActivePrescriptions: 1), stats);
    }

    private static string UniqueEmail(string tag) => $"{tag}-{Guid.NewGuid():N}@patients.test";

    /// <summary>
    /// One series with a completed visit, a cancelled one and a scheduled past one, plus a prescription. The provider is
    /// its own, so the random slot cannot meet another visit of a shared provider.
    /// </summary>
    private async Task AddSeriesAndPrescriptionAsync(Guid patientId)
    {
        await using var db = await database.CreateDbContextAsync();
        var provider = new Provider { Name = $"Dr. Stats {Guid.NewGuid():N}", Specialty = "Family Medicine" };
        db.Providers.Add(provider);
        var medication = await db.Medications.FirstAsync();
        var start = new DateTime(2020, 1, 6, 18, 0, 0, DateTimeKind.Utc).AddMinutes(Random.Shared.Next(1, 100_000) * 30);
        var series = new AppointmentSeries { PatientId = patientId, ProviderId = provider.Id, FirstStartLocal = start, Repeat = RepeatKind.Weekly, MaterializedUntilUtc = start.AddDays(21) };
        var statuses = new[] { VisitStatus.Completed, VisitStatus.Cancelled, VisitStatus.Scheduled };
        series.Visits.AddRange(statuses.Select((s, i) => new Visit { PatientId = patientId, ProviderId = provider.Id, StartUtc = start.AddDays(7 * i), OccurrenceUtc = start.AddDays(7 * i), Status = s }));
        db.AppointmentSeries.Add(series);
        db.Prescriptions.Add(new Prescription { PatientId = patientId, MedicationId = medication.Id, Dosage = medication.Strengths[0], Quantity = 1, FirstRefill = new DateOnly(2020, 1, 1) });
        await db.SaveChangesAsync();
    }

    private async Task<RowCounts> CountsAsync()
    {
        await using var db = await database.CreateDbContextAsync();
        return new RowCounts(
            await db.Users.CountAsync(), await db.Patients.CountAsync(), await db.AppointmentSeries.CountAsync(),
            await db.Visits.CountAsync(), await db.Prescriptions.CountAsync(), await db.Providers.CountAsync(), await db.Medications.CountAsync());
    }

    private sealed record RowCounts(int Users, int Patients, int Series, int Visits, int Prescriptions, int Providers, int Medications);
}
