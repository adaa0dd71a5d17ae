using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Audit;

/// <summary>Someone with the database file edits it directly; the chain check names the first row touched and how.</summary>
public sealed class AuditChainTamperTests() : OwnAppTestBase(new EmrAppFactory())
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // The seeded clinic is written through the audited save path; make sure there is a chain to break.
        Assert.True(await ScalarAsync("SELECT COUNT(*) FROM AuditEvents") >= 10);
    }

    [Fact]
    public async Task UntouchedChain_IsIntact()
    {
        var result = await VerifyAsync();

        Assert.True(result.Intact, result.Message);
        Assert.Equal(await ScalarAsync("SELECT MAX(Id) FROM AuditEvents"), result.RowsChecked);
    }

    [Fact]
    public async Task ConcurrentSavesAndReads_ChainInOneUnbrokenLine()
    {
        // On SQLite the chain head is read without a locking UPDATE: the save's IMMEDIATE transaction is the lock.
        var contexts = App.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>();
        var log = App.Services.GetRequiredService<IAuditLog>();
        List<Guid> ids;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            ids = await db.Patients.Select(p => p.Id).Take(12).ToListAsync();
        }

        var before = await ScalarAsync("SELECT COUNT(*) FROM AuditEvents");
        await Task.WhenAll(ids.Select(async (id, n) =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            var patient = await db.Patients.SingleAsync(p => p.Id == id);
            patient.Phone = $"+1 555 02{n:D2}";
            log.RecordView("Patient", id.ToString(), id);
            await db.SaveChangesAsync();
        }));
        await log.FlushAsync();

        var result = await VerifyAsync();

        Assert.True(result.Intact, result.Message);
        Assert.True(await ScalarAsync("SELECT COUNT(*) FROM AuditEvents") >= before + (2 * ids.Count));
        Assert.Equal(await ScalarAsync("SELECT MAX(Id) FROM AuditEvents"), result.RowsChecked);
    }

    [Fact]
    public async Task EditedRow_IsNamedAsEdited()
    {
        await ExecuteAsync("UPDATE AuditEvents SET ActorEmail = 'someone-else@example.com' WHERE Id = 5");

        var result = await VerifyAsync();

        Assert.Equal((false, 5L, AuditTamper.Edited), (result.Intact, result.FirstBadRowId, result.Tamper));
        Assert.Contains("Row 5", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedRow_IsNamedAsDeleted()
    {
        await ExecuteAsync("DELETE FROM AuditEvents WHERE Id = 4");

        var result = await VerifyAsync();

        Assert.Equal((false, 4L, AuditTamper.Deleted), (result.Intact, result.FirstBadRowId, result.Tamper));
    }

    [Fact]
    public async Task RowsSwapped_AreNamedAsOutOfOrder()
    {
        await ExecuteAsync("UPDATE AuditEvents SET Id = -7 WHERE Id = 7; UPDATE AuditEvents SET Id = 7 WHERE Id = 6; UPDATE AuditEvents SET Id = 6 WHERE Id = -7");

        var result = await VerifyAsync();

        Assert.Equal((false, 6L, AuditTamper.OutOfOrder), (result.Intact, result.FirstBadRowId, result.Tamper));
    }

    [Fact]
    public async Task LastRowsDeleted_AreCaughtByTheChainHead()
    {
        var last = await ScalarAsync("SELECT MAX(Id) FROM AuditEvents");
        await ExecuteAsync($"DELETE FROM AuditEvents WHERE Id = {last}");

        var result = await VerifyAsync();

        Assert.Equal((false, last, AuditTamper.Deleted), (result.Intact, result.FirstBadRowId, result.Tamper));
    }

    [Fact]
    public async Task BufferedReads_WrittenSeveralRowsPerStatement_ChainAndReadBackAsEfWouldStoreThem()
    {
        var before = await ScalarAsync("SELECT MAX(Id) FROM AuditEvents");
        var audit = App.Services.GetRequiredService<IAuditLog>();
        var patient = Guid.NewGuid();
        for (var i = 0; i < 250; i++)
        {
            audit.RecordView("PatientList", i.ToString(System.Globalization.CultureInfo.InvariantCulture), i % 2 == 0 ? patient : null);
        }

        await audit.FlushAsync();

        Assert.True(await ScalarAsync("SELECT MAX(Id) FROM AuditEvents") >= before + 250);
        Assert.Equal(125, await ScalarAsync($"SELECT COUNT(*) FROM AuditEvents WHERE Action = 'View' AND PatientId = '{patient.ToString().ToUpperInvariant()}'"));
        var intact = await VerifyAsync();
        Assert.True(intact.Intact, intact.Message);

        var edited = before + 130;
        await ExecuteAsync($"UPDATE AuditEvents SET EntityId = 'x' WHERE Id = {edited}");
        var result = await VerifyAsync();
        Assert.Equal((false, edited, AuditTamper.Edited), (result.Intact, result.FirstBadRowId, result.Tamper));
    }

    private Task<AuditVerification> VerifyAsync() => App.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync();

    private async Task ExecuteAsync(string sql)
    {
        await App.Services.GetRequiredService<IAuditLog>().FlushAsync();
        await using var connection = new SqliteConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.True(await command.ExecuteNonQueryAsync() > 0);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
