using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
        string userId;
        await using (var seeded = await database.CreateDbContextAsync())
        {
            userId = await seeded.Users.Where(u => u.Email == DemoLogins.Mark).Select(u => u.Id).SingleAsync();
        }

        // The statements the compiled queries send, as sent, then each one's plan with the same parameters.
        var sent = new CommandCapture();
        await using var db = new SqliteEmrDbContext(new DbContextOptionsBuilder<SqliteEmrDbContext>()
            .UseSqlite($"Data Source={database.App.DatabasePath}").AddInterceptors(sent).Options);
        Assert.NotNull(await SessionValidator.ReadTokenUserAsync(db, userId, CancellationToken.None));
        Assert.NotEmpty(await SessionValidator.ReadRolesAsync(db, userId, CancellationToken.None));
        Assert.Equal(2, sent.Commands.Count);

        foreach (var (sql, parameters) in sent.Commands)
        {
            var plan = await PlanAsync(db, sql, parameters);
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

    private static async Task<List<string>> PlanAsync(EmrDbContext db, string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    private sealed class CommandCapture : DbCommandInterceptor
    {
        public List<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
            return ValueTask.FromResult(result);
        }
    }
}
