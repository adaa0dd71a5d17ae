using Microsoft.Data.Sqlite;

namespace ZealthyEmr.Domain.Seeding;

/// <summary>One prepared INSERT reused for every row of a table, inside the caller's transaction.</summary>
internal sealed class SqliteRowWriter : IDisposable
{
    private readonly SqliteCommand command;

    public SqliteRowWriter(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
    {
        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        }

        command.Prepare();
    }

    public void Insert(params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    public void Dispose() => command.Dispose();
}
