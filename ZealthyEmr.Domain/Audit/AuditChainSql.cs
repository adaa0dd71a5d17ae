using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ZealthyEmr.Domain.Audit;

/// <summary>
/// The chain-head lock and the lookups the interceptor needs inside the save's transaction. Plain ADO.NET on the
/// context's own connection and transaction: EF queries there would go through SQL Server's retrying execution
/// strategy, which refuses to run inside a transaction it did not start. The SQL is the same on both providers.
/// </summary>
internal static class AuditChainSql
{
    /// <summary>
    /// Takes the chain-head row's write lock and reads it. The no-op UPDATE is what serialises writers: SQL Server
    /// holds its exclusive row lock to the end of the transaction, SQLite holds the database write lock
    /// (Microsoft.Data.Sqlite transactions begin IMMEDIATE), so no two saves can read the same head.
    /// </summary>
    public static async Task<(long Sequence, string Hash)> LockHeadAsync(DbContext db, CancellationToken ct)
    {
        await using var command = Command(db, $"UPDATE AuditChainHeads SET Sequence = Sequence WHERE Id = {AuditChainHead.Key}; " +
            $"SELECT Sequence, Hash FROM AuditChainHeads WHERE Id = {AuditChainHead.Key}");
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The audit chain head row is missing; the AuditTrail migration seeds it.");
        }

        return (reader.GetInt64(0), reader.GetString(1));
    }

    public static async Task MoveHeadAsync(DbContext db, long sequence, string hash, CancellationToken ct)
    {
        await using var command = Command(db, $"UPDATE AuditChainHeads SET Sequence = @sequence, Hash = @hash WHERE Id = {AuditChainHead.Key}");
        Add(command, "@sequence", sequence);
        Add(command, "@hash", hash);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The patient record behind each login, so an edit of a patient's account is filed under that patient.</summary>
    public static async Task<Dictionary<string, Guid>> PatientIdsOfUsersAsync(DbContext db, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var found = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var userId in userIds)
        {
            await using var command = Command(db, "SELECT Id FROM Patients WHERE UserId = @user");
            Add(command, "@user", userId);
            if (await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is { } value and not DBNull)
            {
                found[userId] = value is Guid id ? id : Guid.Parse((string)value);
            }
        }

        return found;
    }

    public static DbCommand Command(DbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The audit chain is only touched inside a transaction.");
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
