using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace ZealthyEmr.Domain.Audit;

/// <summary>
/// The write-side choke point: every save that changes audited data (or carries staged audit rows) writes its
/// audit rows in the same transaction, chained under the chain-head lock. A save with no transaction of its own
/// gets one here (auto-transactions off for that save), so a failed write rolls back its audit rows with it and
/// a committed write always has them.
/// </summary>
internal sealed class AuditTrailInterceptor(IAuditContext audit, TimeProvider clock) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, SaveState> saves = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        EndAsync(eventData.Context, commit: false, CancellationToken.None).GetAwaiter().GetResult();

    public override void SaveChangesCanceled(DbContextEventData eventData) =>
        EndAsync(eventData.Context, commit: false, CancellationToken.None).GetAwaiter().GetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db)
        {
            return result;
        }

        // One pass: every Entries() call runs DetectChanges over the whole tracker, and EF runs it once more after us.
        var changes = new List<AuditedChange>();
        var staged = new List<AuditEvent>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEvent row)
            {
                if (entry.State == EntityState.Added && !row.IsSealed)
                {
                    staged.Add(row);
                }
            }
            else if (AuditedChange.From(entry) is { } change)
            {
                changes.Add(change);
            }
        }

        if (changes.Count == 0 && staged.Count == 0)
        {
            return result;
        }

        var state = new SaveState(staged);
        if (db.Database.CurrentTransaction is null)
        {
            state.Owned = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            state.PreviousBehavior = db.Database.AutoTransactionBehavior;
            db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        }

        saves.AddOrUpdate(db, state);
        try
        {
            await AppendAsync(db, changes, state, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await EndAsync(db, commit: false, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await EndAsync(eventData.Context, commit: true, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        await EndAsync(eventData.Context, commit: false, CancellationToken.None).ConfigureAwait(false);

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        await EndAsync(eventData.Context, commit: false, CancellationToken.None).ConfigureAwait(false);

    /// <remarks>
    /// The rows go in as one multi-row INSERT under the chain-head lock (<see cref="AuditBatchInsert"/>), not as tracked
    /// entities in EF's batch: tracking and inserting two audit rows cost a booking's save about as much as its own two
    /// rows (issue 9's booking cost). They share the save's transaction either way, so they commit or roll back with it.
    /// </remarks>
    private async Task AppendAsync(DbContext db, List<AuditedChange> changes, SaveState state, CancellationToken ct)
    {
        // Staged rows leave EF's save: they are written with the generated ones.
        foreach (var row in state.Staged)
        {
            db.Entry(row).State = EntityState.Detached;
        }

        var userIds = changes.Where(c => c.PatientId is null && c.UserId is not null).Select(c => c.UserId!).Distinct().ToList();
        var patientsOfUsers = userIds.Count == 0 ? [] : await AuditChainSql.PatientIdsOfUsersAsync(db, userIds, ct).ConfigureAwait(false);

        var actor = audit.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var change in changes)
        {
            var patientId = change.PatientId ?? (change.UserId is { } user && patientsOfUsers.TryGetValue(user, out var id) ? id : null);
            var row = AuditEvents.New(actor, now, change.Action, change.EntityType, change.EntityId, patientId);
            row.ChangedFields = change.Fields.Count == 0 ? null : AuditEvents.JoinFields(change.Fields);
            state.Generated.Add(row);
        }

        await AuditBatchInsert.AppendAsync(db, [.. state.Generated, .. state.Staged], ct).ConfigureAwait(false);
    }

    private async Task EndAsync(DbContext? db, bool commit, CancellationToken ct)
    {
        if (db is null || !saves.TryGetValue(db, out var state))
        {
            return;
        }

        saves.Remove(db);
        if (!commit)
        {
            // The rows were chained to a head that is rolled back; a retried save must chain the staged ones afresh
            // (the generated ones are made again from its changes).
            foreach (var row in state.Staged)
            {
                db.Entry(row).State = EntityState.Detached;
                row.Id = AuditEvents.NextProvisionalId();
                row.PreviousHash = row.Hash = "";
                db.Entry(row).State = EntityState.Added;
            }
        }

        if (state.Owned is not { } owned)
        {
            return;
        }

        db.Database.AutoTransactionBehavior = state.PreviousBehavior;
        await using (owned.ConfigureAwait(false))
        {
            if (commit)
            {
                await owned.CommitAsync(ct).ConfigureAwait(false);
            }
            else
            {
                await owned.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private sealed class SaveState(List<AuditEvent> staged)
    {
        public List<AuditEvent> Staged { get; } = staged;

        public List<AuditEvent> Generated { get; } = [];

        public IDbContextTransaction? Owned { get; set; }

        public AutoTransactionBehavior PreviousBehavior { get; set; }
    }
}
