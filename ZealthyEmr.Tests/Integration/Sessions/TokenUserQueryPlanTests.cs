using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Domain.Sessions;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Sessions;

/// <summary>
/// Every API request runs these two queries, so neither may read more than the caller's own rows: a plan that scans
/// a table costs nothing on the demo clinic and 84 ms per request at 100,000 patients (the roles as a collection did).
/// </summary>
public sealed class TokenUserQueryPlanTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task TheTokenChecksQueries_OnlySeekIndexes()
    {
        string userId;
        await using (var seeded = await database.CreateDbContextAsync())
        {
            userId = await seeded.Users.Where(u => u.Email == DemoLogins.Mark).Select(u => u.Id).SingleAsync();
        }

        // The statements the compiled queries send, as sent, then each one's plan with the same parameters.
        var sent = new SqlCapture();
        await using var db = sent.Context(database.App.DatabasePath);
        Assert.NotNull(await SessionQueries.ReadTokenUserAsync(db, userId, CancellationToken.None));
        Assert.NotEmpty(await SessionQueries.ReadRolesAsync(db, userId, CancellationToken.None));
        Assert.Equal(2, sent.Commands.Count);

        foreach (var (sql, parameters) in sent.Commands)
        {
            var plan = await sent.PlanAsync(db, sql, parameters);
            Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) || step.StartsWith("MATERIALIZE", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheTokenUser_HasTheirRolesAndPatientRecord()
    {
        await using var db = await database.CreateDbContextAsync();
        var markId = await db.Users.Where(u => u.Email == DemoLogins.Mark).Select(u => u.Id).SingleAsync();
        var adminId = await db.Users.Where(u => u.Email == DemoLogins.Admin).Select(u => u.Id).SingleAsync();
        var markPatient = await db.Patients.Where(p => p.UserId == markId).Select(p => p.Id).SingleAsync();
        var validator = database.App.Services.GetRequiredService<SessionValidator>();

        var mark = await validator.FindTokenUserAsync(markId);
        var admin = await validator.FindTokenUserAsync(adminId);

        Assert.Equal((true, DemoLogins.Mark, markPatient), (mark!.MayAct, mark.Email, mark.PatientId));
        Assert.Equal([Roles.Patient], mark.Roles);
        Assert.Equal((true, (Guid?)null), (admin!.MayAct, admin.PatientId));
        Assert.Equal([Roles.Admin], admin.Roles);
        Assert.Null(await validator.FindTokenUserAsync("no-such-user"));
    }
}
