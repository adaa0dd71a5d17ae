using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ZealthyEmr.Domain.Audit;

/// <summary>
/// Appends a batch of buffered reads to the chain with multi-row INSERTs. EF Core sends one INSERT statement per row,
/// and SQLite compiles every statement of a command afresh, so a flush of a few hundred views cost tens of
/// milliseconds of CPU while holding the write lock; here one statement carries up to <see cref="RowsPerStatement"/>
/// rows. Columns and values come from the EF model and its type mappings (converters included), so the rows are
/// stored exactly as EF would store them and the chain verifies the same on both providers.
/// </summary>
internal static class AuditBatchInsert
{
    // SQL Server allows 2,100 parameters per command and 1,000 rows per VALUES list; 14 columns x 100 rows stays well inside.
    private const int RowsPerStatement = 100;

    /// <summary>Seals <paramref name="rows"/> after the chain head and writes them; call inside a transaction.</summary>
    public static async Task AppendAsync(DbContext db, IReadOnlyList<AuditEvent> rows, CancellationToken ct)
    {
        var (sequence, hash) = await AuditChainSql.LockHeadAsync(db, ct).ConfigureAwait(false);
        foreach (var row in rows)
        {
            row.Id = ++sequence;
            row.PreviousHash = hash;
            row.Hash = hash = AuditHasher.Compute(row);
        }

        var entity = db.Model.FindEntityType(typeof(AuditEvent))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            await using var command = AuditChainSql.Command(db, "");
            var text = new StringBuilder(head);
            var n = 0;
            for (var r = 0; r < chunk.Length; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < properties.Count; c++)
                {
                    var name = $"@a{n++}";
                    text.Append(c == 0 ? name : ", " + name);
                    var property = properties[c];
                    command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, property.GetGetter().GetClrValueUsingContainingEntity(chunk[r]), property.IsNullable));
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await AuditChainSql.MoveHeadAsync(db, sequence, hash, ct).ConfigureAwait(false);
    }
}
