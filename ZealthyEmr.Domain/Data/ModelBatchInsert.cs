using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ZealthyEmr.Domain.Data;

/// <summary>
/// Inserts rows with multi-row INSERT statements on the context's current transaction, without tracking them. EF Core
/// sends one INSERT per row and tracks every entity, which inside a booking's save (inside SQLite's write lock) cost
/// about as much as the booking's own rows. Columns and values come from the EF model and its type mappings
/// (converters included), so the rows are stored exactly as EF would store them, on both providers.
/// </summary>
internal static class ModelBatchInsert
{
    // SQL Server allows 2,100 parameters per command and 1,000 rows per VALUES list; keep rows x columns under that.
    private const int MaxParameters = 2_000;

    /// <summary>
    /// Writes <paramref name="rows"/> (keys already set); the context must have a transaction. <paramref name="then"/>
    /// may add one more statement (and its parameters) to the last command, to save a round trip.
    /// </summary>
    public static async Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken ct, Func<DbCommand, string>? then = null) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException($"{typeof(T).Name} rows are inserted directly only inside the save's transaction.");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        var rowsPerStatement = Math.Max(1, Math.Min(100, MaxParameters / properties.Count));
        var chunks = rows.Chunk(rowsPerStatement).ToList();
        foreach (var chunk in chunks)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head);
            var n = 0;
            for (var r = 0; r < chunk.Length; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < properties.Count; c++)
                {
                    var name = $"@r{n++}";
                    text.Append(c == 0 ? name : ", " + name);
                    var property = properties[c];
                    command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, property.GetGetter().GetClrValueUsingContainingEntity(chunk[r]), property.IsNullable));
                }

                text.Append(')');
            }

            if (then is not null && ReferenceEquals(chunk, chunks[^1]))
            {
                text.Append("; ").Append(then(command));
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }
}
