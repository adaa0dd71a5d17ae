using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Notifications;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Audit;

/// <summary>
/// Buffered views are written with multi-row INSERTs. On SQLite each statement stays small: SQLite looks each named
/// parameter up by a linear search, so a statement's cost grows with the square of its parameters.
/// </summary>
public sealed class AuditBatchStatementTests() : OwnAppTestBase(new EmrAppFactory())
{
    private static readonly AuditActor Staff = new("staff-id", "staff@zealthy.example", "Staff", "10.0.0.9", AuditChannel.Portal, "circuit-1");

    [Fact]
    public async Task OnSqlite_AnInsertStatement_CarriesAtMost128Parameters_ButStillSeveralRows()
    {
        await using var db = await CreateAsync();
        var columns = db.Model.FindEntityType(typeof(AuditEvent))!.GetProperties().Count();

        var parameters = ModelBatchInsert.ParametersPerStatement(db, typeof(AuditEvent));

        Assert.InRange(parameters, 5 * columns, 128);
        Assert.InRange(ModelBatchInsert.ParametersPerStatement(db, typeof(OutboxMessage)), 1, 128);
    }

    [Fact]
    public async Task AFlushOfManyViews_SpansManyStatements_AndWritesEveryRowIntoAnIntactChain()
    {
        var log = App.Services.GetRequiredService<IAuditLog>();
        await log.FlushAsync();
        long before;
        await using (var db = await CreateAsync())
        {
            before = await db.AuditEvents.MaxAsync(e => e.Id);
        }

        var patient = Guid.NewGuid();
        using (App.Services.GetRequiredService<IAuditContext>().Begin(Staff))
        {
            for (var i = 0; i < 300; i++)
            {
                log.RecordView("PatientList", $"row-{i}", patient);
            }
        }

        await log.FlushAsync();

        await using var read = await CreateAsync();
        var written = await read.AuditEvents.AsNoTracking().Where(e => e.Id > before).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(300, written.Count(e => e.PatientId == patient));
        Assert.Equal(Enumerable.Range(0, 300).Select(i => $"row-{i}"), written.Where(e => e.PatientId == patient).Select(e => e.EntityId));
        Assert.Equal(written.Select(e => e.Id), Enumerable.Range(0, written.Count).Select(i => before + 1 + i));
        var verification = await App.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        Assert.True(verification.Intact);
    }

    private Task<EmrDbContext> CreateAsync() => App.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
}
