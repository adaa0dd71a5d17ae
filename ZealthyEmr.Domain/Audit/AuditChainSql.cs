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
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>
    /// Takes the chain-head row's write lock and reads it. The no-op UPDATE is what serialises writers: SQL Server
    /// holds its exclusive row lock to the end of the transaction, SQLite holds the database write lock
    /// (Microsoft.Data.Sqlite transactions begin IMMEDIATE), so no two saves can read the same head.
    /// </summary>
    public static async Task<(long Sequence, string Hash)> LockHeadAsync(DbContext db, CancellationToken ct)
    {
        // On SQLite the transaction already holds the database's one write lock (it began IMMEDIATE), so the UPDATE
        // would only cost a statement.
        var select = $"SELECT Sequence, Hash FROM AuditChainHeads WHERE Id = {AuditChainHead.Key}";
        await using var command = Command(db, db.Database.ProviderName == SqliteProvider ? select
            : $"UPDATE AuditChainHeads SET Sequence = Sequence WHERE Id = {AuditChainHead.Key}; " + select);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The audit chain head row is missing; the AuditTrail migration seeds it.");
        }

        return (reader.GetInt64(0), reader.GetString(1));
    }

    /// <summary>The statement that moves the head, with its parameters added to <paramref name="command"/>.</summary>
    public static string MoveHead(DbCommand command, long sequence, string hash)
    {
        Add(command, "@sequence", sequence);
        Add(command, "@hash", hash);
        return $"UPDATE AuditChainHeads SET Sequence = @sequence, Hash = @hash WHERE Id = {AuditChainHead.Key}";
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
