using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Seeding;

namespace ZealthyEmr.Tests.Integration.Audit;

public sealed class AuditWriteTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly AuditActor Admin = new("admin-user-id", DemoLogins.Admin, "Admin", "10.1.2.3", AuditChannel.Portal, "corr-1");

    private PatientAdminService Patients => database.App.Services.GetRequiredService<PatientAdminService>();

    private IAuditContext Context => database.App.Services.GetRequiredService<IAuditContext>();

    [Fact]
    public async Task CreateThenUpdate_RecordsActorPatientChannelAndChangedFieldNamesOnly()
    {
        var email = $"audit-{Guid.NewGuid():N}@example.com";
        Guid id;
        using (Context.Begin(Admin))
        {
            var created = await Patients.CreateAsync(new PatientInput("Audra Audit", email, new DateOnly(1981, 3, 4)), "Sturdy-Pass-42");
            Assert.True(created.Succeeded, created.Error?.Message);
            id = created.Value;
            var version = (await Patients.GetAsync(id))!.Version;
            var updated = await Patients.UpdateAsync(id, new PatientInput("Audra Audit", email, new DateOnly(1981, 3, 4), "+1 555 0101"), version);
            Assert.True(updated.Succeeded, updated.Error?.Message);
        }

        var rows = await RowsForAsync(id);
        var create = Assert.Single(rows, r => r.Action == AuditAction.Create && r.EntityType == nameof(Patient));
        Assert.Equal(("admin-user-id", DemoLogins.Admin, "Admin", "10.1.2.3", AuditChannel.Portal), (create.ActorUserId, create.ActorEmail, create.ActorRole, create.ClientAddress, create.Channel));
        Assert.Equal(id.ToString(), create.EntityId);
        // A create names the fields it set: not the empty ones (no phone, not archived), not the derived bookkeeping.
        var setFields = create.ChangedFields!.Split(',');
        Assert.Subset(setFields.ToHashSet(), new HashSet<string> { nameof(Patient.Name), nameof(Patient.Email), nameof(Patient.DateOfBirth), nameof(Patient.UserId) });
        Assert.DoesNotContain(nameof(Patient.Phone), setFields);
        Assert.DoesNotContain(nameof(Patient.ArchivedUtc), setFields);
        Assert.DoesNotContain(nameof(Patient.NormalizedName), setFields);
        // The login is created before its patient record, so its row is found by the user id.
        await using (var db = await database.CreateDbContextAsync())
        {
            var userId = await db.Patients.Where(p => p.Id == id).Select(p => p.UserId).SingleAsync();
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditAction.Create && e.EntityType == "User" && e.EntityId == userId && e.ActorEmail == DemoLogins.Admin));
        }

        var update = Assert.Single(rows, r => r.Action == AuditAction.Update && r.EntityType == nameof(Patient));
        Assert.Equal("Phone", update.ChangedFields);
        Assert.DoesNotContain(rows, r => r.ChangedFields?.Contains("0101", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task FailedWrite_LeavesNoAuditRow()
    {
        var before = await CountAsync();

        Result<Guid> result;
        using (Context.Begin(Admin))
        {
            result = await Patients.CreateAsync(new PatientInput("Second Mark", DemoLogins.Mark), "Sturdy-Pass-42");
        }

        Assert.Equal(ErrorCodes.DuplicateEmail, result.Error?.Code);
        Assert.Equal(before, await CountAsync());
    }

    private async Task<List<AuditEvent>> RowsForAsync(Guid patientId)
    {
        await using var db = await database.CreateDbContextAsync();
        return await db.AuditEvents.AsNoTracking().Where(e => e.PatientId == patientId).OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<int> CountAsync()
    {
        await using var db = await database.CreateDbContextAsync();
        return await db.AuditEvents.CountAsync();
    }
}
