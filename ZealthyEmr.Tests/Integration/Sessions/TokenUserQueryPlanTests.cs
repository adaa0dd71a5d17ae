using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Domain.Sessions;

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
        await using var db = await database.CreateDbContextAsync();
        var userId = await db.Users.Where(u => u.Email == DemoLogins.Mark).Select(u => u.Id).SingleAsync();

        var plans = new[]
        {
            await PlanAsync(db, SessionValidator.TokenUserQuery(db, userId).ToQueryString(), userId),
            await PlanAsync(db, SessionValidator.RolesQuery(db, userId).ToQueryString(), userId),
        };

        Assert.All(plans, plan =>
        {
            Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) || step.StartsWith("MATERIALIZE", StringComparison.Ordinal));
        });
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

    private static async Task<List<string>> PlanAsync(EmrDbContext db, string queryString, string userId)
    {
        // ToQueryString() puts the parameters first as ".param set" lines; the statement follows.
        var sql = string.Join('\n', queryString.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@userId";
        parameter.Value = userId;
        command.Parameters.Add(parameter);
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }
}
