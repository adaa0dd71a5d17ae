using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Notifications;

public sealed class RollbackTests
{
    [Fact]
    public async Task BookingThatTheDatabaseRefuses_RollsBack_AndLeavesNoMessage()
    {
        var refuse = new RefuseVisitInserts();
        await using var app = new EmrAppFactory(services: s => s.AddSingleton<IInterceptor>(refuse));
        var provider = await app.ProviderIdAsync("Dr Kim West");
        var (patient, _) = await app.NewPatientAsync("rollback");
        var booking = app.Services.GetRequiredService<BookingService>();

        refuse.Armed = true;
        var refused = await booking.BookAsync(patient, provider, await app.FreeSlotAsync(provider, daysAhead: 8));
        refuse.Armed = false;
        var accepted = await booking.BookAsync(patient, provider, await app.FreeSlotAsync(provider, daysAhead: 9));

        Assert.False(refused.Succeeded);
        Assert.True(accepted.Succeeded, accepted.Error?.Message);
        var rows = await app.OutboxAsync(m => m.PatientId == patient);
        Assert.Equal(accepted.Value!.VisitId, Assert.Single(rows).AboutId);
    }

    /// <summary>The database refuses the visit insert, after the outbox row was added to the same save.</summary>
    private sealed class RefuseVisitInserts : DbCommandInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Refuse(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Refuse(command);
            return ValueTask.FromResult(result);
        }

        private void Refuse(DbCommand command)
        {
            if (Armed && command.CommandText.Contains("INSERT INTO \"Visits\"", StringComparison.Ordinal))
            {
                throw new SqliteException("refused by the test", 19);
            }
        }
    }
}
