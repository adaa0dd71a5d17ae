using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Audit;

/// <summary>
/// Appends a batch of buffered reads to the chain with multi-row INSERTs. EF Core sends one INSERT statement per row,
/// and SQLite compiles every statement of a command afresh, so a flush of a few hundred views cost tens of
/// milliseconds of CPU while holding the write lock; here one statement carries several rows
/// (<see cref="ModelBatchInsert"/>: up to 100, about eight on SQLite), stored exactly as EF would store them, so the chain verifies the same on both providers.
/// </summary>
internal static class AuditBatchInsert
{
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

        // The head moves in the rows' last command: one round trip fewer inside every audited save.
        await ModelBatchInsert.InsertAsync(db, rows, ct, then: command => AuditChainSql.MoveHead(command, sequence, hash)).ConfigureAwait(false);
    }
}
