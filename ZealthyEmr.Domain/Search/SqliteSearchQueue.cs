using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Search;

/// <summary>
/// On SQLite, a visit, series or prescription that links a patient to a new provider or medication (or removes the last
/// link) only queues the patient here; the next search refreshes the queued documents before it reads. SQLite compiles
/// every trigger a statement may fire into that statement each time it is prepared, and the refresh (the document view,
/// the upsert and both FTS5 indexes) made preparing a booking's two inserts cost more than the rest of the booking
/// (issue 15's profile). Patient edits and provider or medication renames still refresh at once.
/// </summary>
public static class SqliteSearchQueue
{
    public const string Table = "PatientSearchStale";

    // Bounded batches, so a large backlog (a bulk import) never holds the write lock for long in one go.
    private const int BatchSize = 500;

    private static readonly string Batch = $"SELECT \"PatientId\" FROM \"{Table}\" ORDER BY \"PatientId\" LIMIT {BatchSize}";

    private static readonly string RefreshBatch =
        SqliteSearchSchema.RefreshWhere($"\"PatientId\" IN ({Batch})") + $"DELETE FROM \"{Table}\" WHERE \"PatientId\" IN ({Batch});";

    /// <summary>Refreshes every queued document in one go, for a bulk writer inside its own transaction (the clinic generator).</summary>
    public static string RefreshAllSql { get; } =
        SqliteSearchSchema.RefreshWhere($"\"PatientId\" IN (SELECT \"PatientId\" FROM \"{Table}\")") + $"DELETE FROM \"{Table}\";";

    /// <summary>Brings the documents of queued patients up to date; a no-op read when nothing is queued.</summary>
    public static async Task CatchUpAsync(EmrDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        while (await db.Database.SqlQueryRaw<int>($"SELECT EXISTS (SELECT 1 FROM \"{Table}\") AS \"Value\"").SingleAsync(ct) == 1)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync(RefreshBatch, ct);
            await tx.CommitAsync(ct);
        }
    }

    public static void Create(MigrationBuilder migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        DropLinkTriggers(migration);
        migration.Sql($"CREATE TABLE \"{Table}\" (\"PatientId\" TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;");
        SqliteSearchSchema.CreateLinkTriggers(migration, patientId => $"INSERT OR IGNORE INTO \"{Table}\" (\"PatientId\") VALUES ({patientId});\n");
    }

    public static void Drop(MigrationBuilder migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        DropLinkTriggers(migration);
        migration.Sql(RefreshAllSql + $"DROP TABLE \"{Table}\";");
        SqliteSearchSchema.CreateLinkTriggers(migration, SqliteSearchSchema.Refresh);
    }

    private static void DropLinkTriggers(MigrationBuilder migration)
    {
        foreach (var table in new[] { "Visits", "AppointmentSeries", "Prescriptions" })
        {
            foreach (var name in SearchTriggers.On(table))
            {
                migration.Sql($"DROP TRIGGER IF EXISTS \"{name}\";");
            }
        }
    }
}
