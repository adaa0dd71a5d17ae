using Microsoft.EntityFrameworkCore.Migrations;

namespace ZealthyEmr.Domain.Search;

/// <summary>
/// The SQLite side of the patient search, called from its migration: a view that computes a patient's search
/// document, triggers on every table the document reads that refresh it, and two FTS5 indexes over the documents
/// table (external content, kept in sync by triggers): trigrams for any part of the text (3 characters or more) and
/// words with 1- and 2-character prefix indexes for shorter queries. Raw inserts fire the triggers too.
/// </summary>
public static class SqliteSearchSchema
{
    public const string TrigramIndex = "PatientSearchTrigrams";
    public const string WordIndex = "PatientSearchWords";

    // The indexed columns; a document also has "Archived", which is filtered on but never searched.
    private const string Columns = "\"Name\", \"Email\", \"PhoneDigits\", \"BirthDate\", \"Providers\", \"Medications\"";
    private const string DocumentColumns = Columns + ", \"Archived\"";

    // Cancelled visits are left out, so a "Status <> 2" lookup can use the partial (PatientId, StartUtc) index.
    private const string SourceView = """
        CREATE VIEW "PatientSearchSource" AS
        SELECT p."Id" AS "PatientId", p."NormalizedName" AS "Name", p."NormalizedEmail" AS "Email",
            NULLIF(replace(replace(replace(replace(replace(replace(replace(coalesce(p."Phone", ''),
                ' ', ''), '+', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', ''), '') AS "PhoneDigits",
            p."DateOfBirth" AS "BirthDate",
            (SELECT group_concat(x."Name", ' | ') FROM (SELECT DISTINCT pr."Name" FROM "Providers" pr WHERE pr."Id" IN (
                SELECT v."ProviderId" FROM "Visits" v WHERE v."PatientId" = p."Id" AND v."Status" <> 2
                UNION SELECT s."ProviderId" FROM "AppointmentSeries" s WHERE s."PatientId" = p."Id") ORDER BY pr."Name") x) AS "Providers",
            (SELECT group_concat(x."Name", ' | ') FROM (SELECT DISTINCT m."Name" FROM "Medications" m WHERE m."Id" IN (
                SELECT r."MedicationId" FROM "Prescriptions" r WHERE r."PatientId" = p."Id") ORDER BY m."Name") x) AS "Medications",
            p."ArchivedUtc" IS NOT NULL AS "Archived"
        FROM "Patients" p;
        """;

    public static void Create(MigrationBuilder migration)
    {
        migration.Sql(SourceView);
        foreach (var (index, options) in new[] { (TrigramIndex, "tokenize='trigram'"), (WordIndex, "tokenize='unicode61', prefix='1 2'") })
        {
            migration.Sql($"CREATE VIRTUAL TABLE \"{index}\" USING fts5({Columns}, content='{SearchTriggers.DocumentsTable}', content_rowid='Id', {options});");
        }

        Trigger(migration, SearchTriggers.DocumentsTable, "Insert", "AFTER INSERT", null, IndexRow("NEW"));
        Trigger(migration, SearchTriggers.DocumentsTable, "Delete", "AFTER DELETE", null, UnindexRow("OLD"));
        Trigger(migration, SearchTriggers.DocumentsTable, "Update", "AFTER UPDATE",
            string.Join(" OR ", Columns.Split(", ").Select(c => $"OLD.{c} IS NOT NEW.{c}")),
            UnindexRow("OLD") + IndexRow("NEW"));

        Trigger(migration, "Patients", "Insert", "AFTER INSERT", null, Refresh("NEW.\"Id\""));
        Trigger(migration, "Patients", "Update", "AFTER UPDATE OF \"NormalizedName\", \"NormalizedEmail\", \"Phone\", \"DateOfBirth\", \"ArchivedUtc\"", null, Refresh("NEW.\"Id\""));
        Trigger(migration, "Patients", "Delete", "AFTER DELETE", null, $"DELETE FROM \"{SearchTriggers.DocumentsTable}\" WHERE \"PatientId\" = OLD.\"Id\";");

        CreateLinkTriggers(migration, Refresh);

        Trigger(migration, "Providers", "Update", "AFTER UPDATE OF \"Name\"", null, RefreshWhere("""
            "PatientId" IN (SELECT v."PatientId" FROM "Visits" v WHERE v."ProviderId" = NEW."Id" AND v."Status" <> 2
                UNION SELECT s."PatientId" FROM "AppointmentSeries" s WHERE s."ProviderId" = NEW."Id")
            """));
        Trigger(migration, "Medications", "Update", "AFTER UPDATE OF \"Name\"", null, RefreshWhere("""
            "PatientId" IN (SELECT r."PatientId" FROM "Prescriptions" r WHERE r."MedicationId" = NEW."Id")
            """));

        migration.Sql($"INSERT INTO \"{SearchTriggers.DocumentsTable}\" (\"PatientId\", {DocumentColumns}) SELECT \"PatientId\", {DocumentColumns} FROM \"PatientSearchSource\";");
    }

    public static void Drop(MigrationBuilder migration)
    {
        foreach (var (table, operation) in AllTriggers)
        {
            migration.Sql($"DROP TRIGGER IF EXISTS \"{SearchTriggers.Name(table, operation)}\";");
        }

        migration.Sql($"DROP TABLE IF EXISTS \"{TrigramIndex}\";");
        migration.Sql($"DROP TABLE IF EXISTS \"{WordIndex}\";");
        migration.Sql("DROP VIEW IF EXISTS \"PatientSearchSource\";");
    }

    private static IEnumerable<(string Table, string Operation)> AllTriggers =>
        new[] { "Patients", "Visits", "AppointmentSeries", "Prescriptions", "Providers", "Medications", SearchTriggers.DocumentsTable }
            .SelectMany(t => SearchTriggers.On(t).Select(name => (t, name.Split('_')[^1])));

    /// <summary>
    /// Insert, update and delete triggers on visits, series and prescriptions, with <paramref name="body"/> run for each patient
    /// whose document they change (given the SQL expression of the patient's id).
    /// </summary>
    internal static void CreateLinkTriggers(MigrationBuilder migration, Func<string, string> body)
    {
        // A visit, series or prescription changes the document only when it adds the patient's first, or removes their
        // last, link to a provider or medication; "Status <> 2" leaves cancelled visits out. The unary + keeps SQLite on
        // the patient's few rows (PatientId index) rather than a provider's thousands (ProviderId index).
        LinkTriggers(migration, body, "Visits", "ProviderId", "Status", row => $"""
            EXISTS (SELECT 1 FROM "Visits" o WHERE o."PatientId" = {row}."PatientId" AND o."Status" <> 2 AND +o."ProviderId" = {row}."ProviderId" AND o."Id" <> {row}."Id")
            OR EXISTS (SELECT 1 FROM "AppointmentSeries" o WHERE o."PatientId" = {row}."PatientId" AND +o."ProviderId" = {row}."ProviderId")
            """);
        LinkTriggers(migration, body, "AppointmentSeries", "ProviderId", null, row => $"""
            EXISTS (SELECT 1 FROM "AppointmentSeries" o WHERE o."PatientId" = {row}."PatientId" AND +o."ProviderId" = {row}."ProviderId" AND o."Id" <> {row}."Id")
            OR EXISTS (SELECT 1 FROM "Visits" o WHERE o."PatientId" = {row}."PatientId" AND o."Status" <> 2 AND +o."ProviderId" = {row}."ProviderId")
            """);
        LinkTriggers(migration, body, "Prescriptions", "MedicationId", null, row => $"""
            EXISTS (SELECT 1 FROM "Prescriptions" o WHERE o."PatientId" = {row}."PatientId" AND +o."MedicationId" = {row}."MedicationId" AND o."Id" <> {row}."Id")
            """);
    }

    /// <summary>Insert, update and delete triggers for a table that links a patient to a provider or medication.</summary>
    private static void LinkTriggers(MigrationBuilder migration, Func<string, string> body, string table, string link, string? status, Func<string, string> stillLinked)
    {
        string Counts(string row) => status is null ? "" : $"{row}.\"{status}\" <> 2 AND ";
        Trigger(migration, table, "Insert", "AFTER INSERT", $"{Counts("NEW")}NOT ({stillLinked("NEW")})", body("NEW.\"PatientId\""));
        Trigger(migration, table, "Delete", "AFTER DELETE", $"{Counts("OLD")}NOT ({stillLinked("OLD")})", body("OLD.\"PatientId\""));
        var columns = $"\"PatientId\", \"{link}\"" + (status is null ? "" : $", \"{status}\"");
        var changed = $"OLD.\"PatientId\" IS NOT NEW.\"PatientId\" OR OLD.\"{link}\" IS NOT NEW.\"{link}\"" +
            (status is null ? "" : $" OR (OLD.\"{status}\" = 2) IS NOT (NEW.\"{status}\" = 2)");
        Trigger(migration, table, "Update", $"AFTER UPDATE OF {columns}", changed, body("OLD.\"PatientId\"") + body("NEW.\"PatientId\""));
    }

    internal static void Trigger(MigrationBuilder migration, string table, string operation, string timing, string? when, string body) =>
        migration.Sql($"""
            CREATE TRIGGER "{SearchTriggers.Name(table, operation)}" {timing} ON "{table}"
            {(when is null ? "" : $"WHEN {when}")}
            BEGIN
            {body}
            END;
            """);

    internal static string Refresh(string patientId) => RefreshWhere($"\"PatientId\" = {patientId}");

    // The upsert's SELECT has a WHERE, which SQLite needs to tell ON CONFLICT from a join's ON.
    internal static string RefreshWhere(string where) => $"""
        INSERT INTO "{SearchTriggers.DocumentsTable}" ("PatientId", {DocumentColumns})
        SELECT "PatientId", {DocumentColumns} FROM "PatientSearchSource" WHERE {where}
        ON CONFLICT ("PatientId") DO UPDATE SET "Name" = excluded."Name", "Email" = excluded."Email", "PhoneDigits" = excluded."PhoneDigits",
            "BirthDate" = excluded."BirthDate", "Providers" = excluded."Providers", "Medications" = excluded."Medications", "Archived" = excluded."Archived";

        """;

    private static string IndexRow(string row) => string.Concat(new[] { TrigramIndex, WordIndex }.Select(index =>
        $"INSERT INTO \"{index}\" (rowid, {Columns}) VALUES ({row}.\"Id\", {Values(row)});\n"));

    private static string UnindexRow(string row) => string.Concat(new[] { TrigramIndex, WordIndex }.Select(index =>
        $"INSERT INTO \"{index}\" (\"{index}\", rowid, {Columns}) VALUES ('delete', {row}.\"Id\", {Values(row)});\n"));

    private static string Values(string row) => string.Join(", ", Columns.Split(", ").Select(c => $"{row}.{c}"));
}
