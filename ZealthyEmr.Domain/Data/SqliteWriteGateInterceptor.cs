using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ZealthyEmr.Domain.Data;

/// <summary>
/// Puts every EF transaction on SQLite (explicit ones and SaveChanges' own) through the <see cref="SqliteWriteGate"/>:
/// entered before BEGIN, left at commit, rollback or failure. A transaction disposed without either is let go when its
/// connection closes (<see cref="SqliteConnectionSetup"/>). The BEGIN itself runs here: when it fails (another process
/// held the write lock past the busy timeout) EF raises no event at all, and a pooled context neither closes nor disposes
/// its connection, so only this call can know to let the gate go.
/// </summary>
internal sealed class SqliteWriteGateInterceptor(SqliteWriteGate gate) : DbTransactionInterceptor
{
    public override InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        gate.Enter(connection, eventData.ConnectionId);
        try
        {
            var transaction = connection.BeginTransaction(eventData.IsolationLevel);
            gate.Began(eventData.ConnectionId);
            return InterceptionResult<DbTransaction>.SuppressWithResult(transaction);
        }
        catch
        {
            gate.Exit(eventData.ConnectionId);
            throw;
        }
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await gate.EnterAsync(connection, eventData.ConnectionId, cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(eventData.IsolationLevel, cancellationToken).ConfigureAwait(false);
            gate.Began(eventData.ConnectionId);
            return InterceptionResult<DbTransaction>.SuppressWithResult(transaction);
        }
        catch
        {
            gate.Exit(eventData.ConnectionId);
            throw;
        }
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
