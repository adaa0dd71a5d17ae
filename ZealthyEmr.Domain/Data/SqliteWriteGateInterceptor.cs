using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ZealthyEmr.Domain.Data;

/// <summary>
/// Puts every EF transaction on SQLite (explicit ones and SaveChanges' own) through the <see cref="SqliteWriteGate"/>:
/// entered before BEGIN, left at commit, rollback or failure. A transaction disposed without either is let go when its
/// connection closes (<see cref="SqliteConnectionSetup"/>).
/// </summary>
internal sealed class SqliteWriteGateInterceptor(SqliteWriteGate gate) : DbTransactionInterceptor
{
    public override InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        gate.Enter(eventData.ConnectionId);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await gate.EnterAsync(eventData.ConnectionId, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => gate.Exit(eventData.ConnectionId);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        gate.Exit(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => gate.Exit(eventData.ConnectionId);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        gate.Exit(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => gate.Exit(eventData.ConnectionId);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        gate.Exit(eventData.ConnectionId);
        return Task.CompletedTask;
    }
}
