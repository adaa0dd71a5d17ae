using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Audit;

/// <summary>
/// Walks the chain from the first row: positions must run 1, 2, 3... without gaps, each row must name its
/// predecessor's hash, and its own hash must match its content; the head row must name the last row.
/// Buffered reads are flushed first so the walk covers everything recorded so far.
/// </summary>
public sealed class AuditChainVerifier(IDbContextFactory<EmrDbContext> contexts, IAuditLog audit)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        await audit.FlushAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Rows are append-only and commit with the head, so rows up to the head read first form a consistent chain.
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.Key, ct);
        var (expected, previous, checkedRows) = (1L, AuditHasher.Genesis, 0L);
        await foreach (var row in db.AuditEvents.AsNoTracking().Where(e => e.Id <= head.Sequence).OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (row.Id != expected)
            {
                return Broken(checkedRows, expected, AuditTamper.Deleted, $"Row {expected} is missing: the chain jumps from row {expected - 1} to row {row.Id}.");
            }

            if (row.PreviousHash != previous)
            {
                return Broken(checkedRows, row.Id, AuditTamper.OutOfOrder, $"Row {row.Id} does not follow row {row.Id - 1}: it was inserted or moved out of order.");
            }

            if (AuditHasher.Compute(row) != row.Hash)
            {
                return Broken(checkedRows, row.Id, AuditTamper.Edited, $"Row {row.Id} was edited: its content no longer matches its hash.");
            }

            (expected, previous, checkedRows) = (row.Id + 1, row.Hash, checkedRows + 1);
        }

        if (expected - 1 != head.Sequence || previous != head.Hash)
        {
            return Broken(checkedRows, expected, AuditTamper.Deleted, $"The log ends at row {expected - 1} but the chain head names row {head.Sequence}: rows were removed from the end.");
        }

        return new AuditVerification(true, checkedRows, null, AuditTamper.None, $"All {checkedRows} audit rows are intact.");
    }

    private static AuditVerification Broken(long checkedRows, long rowId, AuditTamper tamper, string message) =>
        new(false, checkedRows, rowId, tamper, message);
}
