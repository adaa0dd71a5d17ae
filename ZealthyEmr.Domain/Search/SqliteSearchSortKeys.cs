using Microsoft.EntityFrameworkCore.Migrations;

namespace ZealthyEmr.Domain.Search;

/// <summary>
/// What lets a SQLite search order and count its matches from the documents alone: each document carries its patient's
/// <c>SortName</c> (kept by two triggers), the documents' birth dates are indexed, and so are the archived ones (a partial
/// index). Ordering thousands of matches by a lookup into <c>Patients</c> per match was most of a short query's cost at
/// 100,000 patients (issue 15), counting them read every match's document to leave the archived out, and a date of birth
/// read long trigram lists ("196", "-03") where one index seek finds it. The column and index are SQLite's
/// alone, outside the EF model: only the search's own SQL reads them, and the triggers write them.
/// </summary>
public static class SqliteSearchSortKeys
{
    public const string ArchivedIndex = "IX_PatientSearchDocuments_Archived";

    private const string Documents = SearchTriggers.DocumentsTable;

    // Not in SearchTriggers: those names are declared in the model for both providers.
    private static readonly string DocumentInserted = SearchTriggers.Name(Documents, "SortName");
    private static readonly string PatientRenamed = SearchTriggers.Name("Patients", "SortName");

    public static void Create(MigrationBuilder migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        migration.Sql($"ALTER TABLE \"{Documents}\" ADD COLUMN \"SortName\" TEXT NOT NULL DEFAULT '';");
        migration.Sql($"UPDATE \"{Documents}\" SET \"SortName\" = {SortNameOf($"\"{Documents}\".\"PatientId\"")};");
        // A document is inserted by the patient's own insert (or a refresh after it), so the patient row is there to read.
        SqliteSearchSchema.Trigger(migration, Documents, "SortName", "AFTER INSERT", null,
            $"UPDATE \"{Documents}\" SET \"SortName\" = {SortNameOf("NEW.\"PatientId\"")} WHERE \"Id\" = NEW.\"Id\";");
        SqliteSearchSchema.Trigger(migration, "Patients", "SortName", "AFTER UPDATE OF \"SortName\"", "OLD.\"SortName\" IS NOT NEW.\"SortName\"",
            $"UPDATE \"{Documents}\" SET \"SortName\" = NEW.\"SortName\" WHERE \"PatientId\" = NEW.\"Id\";");
        migration.Sql($"CREATE INDEX \"IX_{Documents}_BirthDate\" ON \"{Documents}\" (\"BirthDate\");");
        migration.Sql($"CREATE INDEX \"{ArchivedIndex}\" ON \"{Documents}\" (\"Id\") WHERE \"Archived\";");
    }

    public static void Drop(MigrationBuilder migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        migration.Sql($"DROP INDEX IF EXISTS \"{ArchivedIndex}\";");
        migration.Sql($"DROP INDEX IF EXISTS \"IX_{Documents}_BirthDate\";");
        migration.Sql($"DROP TRIGGER IF EXISTS \"{PatientRenamed}\";");
        migration.Sql($"DROP TRIGGER IF EXISTS \"{DocumentInserted}\";");
        migration.Sql($"ALTER TABLE \"{Documents}\" DROP COLUMN \"SortName\";");
    }

    private static string SortNameOf(string patientId) =>
        $"coalesce((SELECT p.\"SortName\" FROM \"Patients\" p WHERE p.\"Id\" = {patientId}), '')";
}
