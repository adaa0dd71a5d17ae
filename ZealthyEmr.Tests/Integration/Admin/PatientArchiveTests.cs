using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ZealthyEmr.Domain.Accounts;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Prescriptions;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Domain.Search;
using ZealthyEmr.Domain.Sessions;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Admin;

/// <summary>Deleting a patient archives them; only a purge past the retention period removes rows, and only those.</summary>
public sealed class PatientArchiveTests : IAsyncLifetime
{
    private const string Password = "Sturdy-Pass-42";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 18, 0, 0, TimeSpan.Zero));
    private readonly EmrAppFactory app;

    public PatientArchiveTests() =>
        app = new EmrAppFactory(services: s => s.AddSingleton<TimeProvider>(clock));

    private PatientAdminService Patients => app.Services.GetRequiredService<PatientAdminService>();

    private PatientArchiveService Archive => app.Services.GetRequiredService<PatientArchiveService>();

    private IPatientSearch Search => app.Services.GetRequiredService<IPatientSearch>();

    public Task InitializeAsync()
    {
        _ = app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task ArchiveThenRestore_KeepsEveryVisitAndPrescription_AndBlocksSignInMeanwhile()
    {
        var email = UniqueEmail("archived");
        var id = (await Patients.CreateAsync(new PatientInput("Ada Archive", email), Password)).Value;
        await AddHistoryAsync(id);
        var before = await RowsOfAsync(id);

        var archived = await Archive.ArchiveAsync(id);

        Assert.True(archived.Succeeded, archived.Error?.Message);
        Assert.Equal(before, await RowsOfAsync(id));
        Assert.NotNull((await Patients.GetAsync(id))!.ArchivedUtc);
        Assert.False(await CanSignInAsync(email));
        Assert.DoesNotContain((await Search.SearchAsync(new PatientQuery(Search: email))).Rows, r => r.Id == id);
        Assert.True(Assert.Single((await Search.SearchAsync(new PatientQuery(Search: email, IncludeArchived: true))).Rows).Archived);

        var restored = await Archive.RestoreAsync(id);

        Assert.True(restored.Succeeded, restored.Error?.Message);
        Assert.Equal(before, await RowsOfAsync(id));
        Assert.Null((await Patients.GetAsync(id))!.ArchivedUtc);
        Assert.True(await CanSignInAsync(email));
        Assert.Single((await Search.SearchAsync(new PatientQuery(Search: email))).Rows);
        Assert.Equal([AuditAction.Archive, AuditAction.Restore], await PatientActionsAsync(id, AuditAction.Archive, AuditAction.Restore));
    }

    [Fact]
    public async Task Archive_EndsOpenSessionsByChangingTheSecurityStamp()
    {
        var email = UniqueEmail("stamp");
        var id = (await Patients.CreateAsync(new PatientInput("Sid Stamp", email), Password)).Value;
        var stampBefore = await StampAsync(email);

        await Archive.ArchiveAsync(id);

        Assert.NotEqual(stampBefore, await StampAsync(email));
    }

    [Fact]
    public async Task AnArchivedPatient_StaysOut_AfterAResetLinkOrATemporaryPassword()
    {
        var email = UniqueEmail("reset");
        var id = (await Patients.CreateAsync(new PatientInput("Rae Reset", email), Password)).Value;
        await Archive.ArchiveAsync(id);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EmrUser>>();
        var passwords = scope.ServiceProvider.GetRequiredService<PasswordService>();
        var user = (await users.FindByEmailAsync(email))!;

        // A reset clears a lockout ("someone else's guesses should not keep them out"): it must not undo an archive.
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        Assert.True((await passwords.ResetAsync(user.Id, token, Password)).Succeeded);
        Assert.False(await CanSignInAsync(email));

        Assert.True((await passwords.SetTemporaryAsync((await users.FindByEmailAsync(email))!, Password)).Succeeded);
        Assert.False(await CanSignInAsync(email));

        Assert.True((await Archive.RestoreAsync(id)).Succeeded);
        Assert.True(await CanSignInAsync(email));
    }

    [Fact]
    public async Task EnablingAnArchivedPatientsLogin_IsRefused_UntilTheRecordIsRestored()
    {
        var email = UniqueEmail("enable");
        var id = (await Patients.CreateAsync(new PatientInput("Eli Enable", email), Password)).Value;
        await Archive.ArchiveAsync(id);
        var access = app.Services.GetRequiredService<AccountAccessService>();
        var account = (await access.GetForPatientAsync(id))!;
        Assert.True(account.SignInDisabled);

        var enabled = await access.EnableSignInAsync(account.UserId);

        Assert.Equal(ErrorCodes.PatientArchived, enabled.Error?.Code);
        Assert.False(await CanSignInAsync(email));
        Assert.True((await Archive.RestoreAsync(id)).Succeeded);
        Assert.False((await access.GetForPatientAsync(id))!.SignInDisabled);
    }

    [Fact]
    public async Task Purge_RemovesOnlyPatientsArchivedLongerThanTheRetention()
    {
        var old = (await Patients.CreateAsync(new PatientInput("Olga Old", UniqueEmail("old")), Password)).Value;
        var recent = (await Patients.CreateAsync(new PatientInput("Rita Recent", UniqueEmail("recent")), Password)).Value;
        var active = (await Patients.CreateAsync(new PatientInput("Abe Active", UniqueEmail("active")), Password)).Value;
        await AddHistoryAsync(old);
        await AddHistoryAsync(recent);
        await AddHistoryAsync(active);

        await Archive.ArchiveAsync(old);
        clock.Advance(TimeSpan.FromDays(365 * 5));
        await Archive.ArchiveAsync(recent);
        Assert.Empty((await Archive.PurgeAsync()).PatientIds);

        clock.Advance(TimeSpan.FromDays(365 + 30));
        // The horizon service keeps extending the live series meanwhile; compare against the rows just before the purge.
        var (recentBefore, activeBefore) = (await RowsOfAsync(recent), await RowsOfAsync(active));
        var purged = await Archive.PurgeAsync();

        Assert.Equal([old], purged.PatientIds);
        Assert.Equal([AuditAction.Archive, AuditAction.Purge], await PatientActionsAsync(old, AuditAction.Archive, AuditAction.Purge));
        Assert.Equal(new PatientRows(0, 0, 0, 0, false), await RowsOfAsync(old));
        Assert.Equal(recentBefore, await RowsOfAsync(recent));
        Assert.Equal(activeBefore, await RowsOfAsync(active));
        Assert.Equal(new PatientRows(1, 1, 3, 1, true), recentBefore with { Visits = Math.Min(recentBefore.Visits, 3) });
    }

    [Fact]
    public async Task MarkPrescriptionEnteredInError_KeepsItInactive()
    {
        var id = (await Patients.CreateAsync(new PatientInput("Pia Rx", UniqueEmail("rx")), Password)).Value;
        await AddHistoryAsync(id);
        var prescriptions = app.Services.GetRequiredService<PrescriptionService>();
        var row = Assert.Single(await prescriptions.ListForPatientAsync(id));

        var marked = await prescriptions.MarkEnteredInErrorAsync(row.Id);

        Assert.True(marked.Succeeded, marked.Error?.Message);
        var after = Assert.Single(await prescriptions.ListForPatientAsync(id));
        Assert.True(after.EnteredInError);
        Assert.False(after.IsActive);
        Assert.Null(after.NextRefill);
    }

    private static string UniqueEmail(string tag) => $"{tag}-{Guid.NewGuid():N}@patients.test";

    private async Task<bool> CanSignInAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<EmrUser>>();
        var user = await signIn.UserManager.FindByEmailAsync(email);
        return user is not null && (await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: false)).Succeeded;
    }

    private async Task<string?> StampAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EmrUser>>();
        return (await users.FindByEmailAsync(email))?.SecurityStamp;
    }

    /// <summary>
    /// One weekly series with three visits (one in the past) and a prescription, with a provider of its own: the seeded
    /// providers already have visits, and a random slot of theirs met one of them now and then (a flaky unique-slot
    /// failure in CI); the horizon service also extends each series weekly, so two series must not share a provider.
    /// </summary>
    private async Task AddHistoryAsync(Guid patientId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        var provider = new Provider { Name = $"Dr. Archive {Guid.NewGuid():N}", Specialty = "Family Medicine" };
        db.Providers.Add(provider);
        var medication = await db.Medications.FirstAsync();
        var start = clock.GetUtcNow().UtcDateTime.Date.AddDays(-7).AddHours(17).AddMinutes(Random.Shared.Next(1, 10_000) * 30);
        var series = new AppointmentSeries { PatientId = patientId, ProviderId = provider.Id, FirstStartLocal = start, Repeat = RepeatKind.Weekly, MaterializedUntilUtc = start.AddDays(21) };
        series.Visits.AddRange(Enumerable.Range(0, 3).Select(i => new Visit { PatientId = patientId, ProviderId = provider.Id, StartUtc = start.AddDays(7 * i), OccurrenceUtc = start.AddDays(7 * i), Status = VisitStatus.Scheduled }));
        db.AppointmentSeries.Add(series);
        db.Prescriptions.Add(new Prescription { PatientId = patientId, MedicationId = medication.Id, Dosage = medication.Strengths[0], Quantity = 1, FirstRefill = DateOnly.FromDateTime(start) });
        await db.SaveChangesAsync();
    }

    private async Task<PatientRows> RowsOfAsync(Guid patientId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        var userId = await db.Patients.Where(p => p.Id == patientId).Select(p => p.UserId).FirstOrDefaultAsync();
        return new PatientRows(
            await db.Patients.CountAsync(p => p.Id == patientId),
            await db.AppointmentSeries.CountAsync(s => s.PatientId == patientId),
            await db.Visits.CountAsync(v => v.PatientId == patientId),
            await db.Prescriptions.CountAsync(p => p.PatientId == patientId),
            userId is not null && await db.Users.AnyAsync(u => u.Id == userId));
    }

    private async Task<List<AuditAction>> PatientActionsAsync(Guid patientId, params AuditAction[] actions)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.Where(e => e.PatientId == patientId && e.EntityType == nameof(Patient) && actions.Contains(e.Action))
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }

    private sealed record PatientRows(int Patients, int Series, int Visits, int Prescriptions, bool Login);
}
