using Microsoft.EntityFrameworkCore.Migrations;

namespace ZealthyEmr.Domain.Search;

/// <summary>
/// The SQL Server side of the patient search, called from its migration. SQL Server's full-text index matches words
/// and word prefixes, not any part of a word, so the index is a gram table: every trigram of each document column,
/// plus "^" and the first one and two characters of every word (the short-query path). Triggers refresh a patient's
/// document when anything it reads changes (through one procedure), and triggers on the documents keep the grams.
/// </summary>
public static class SqlServerSearchSchema
{
    public const string GramTable = "PatientSearchGrams";

    private const string Columns = "[Name], [Email], [PhoneDigits], [BirthDate], [Providers], [Medications], [Archived]";

    private const string SourceView = """
        CREATE VIEW [PatientSearchSource] AS
        SELECT p.[Id] AS [PatientId], p.[NormalizedName] AS [Name], p.[NormalizedEmail] AS [Email],
            NULLIF(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(ISNULL(p.[Phone], N''),
                N' ', N''), N'+', N''), N'-', N''), N'(', N''), N')', N''), N'.', N''), N'/', N''), N'') AS [PhoneDigits],
            CONVERT(nvarchar(10), p.[DateOfBirth], 23) AS [BirthDate],
            (SELECT STRING_AGG(x.[Name], N' | ') WITHIN GROUP (ORDER BY x.[Name]) FROM (SELECT DISTINCT pr.[Name] FROM [Providers] pr WHERE pr.[Id] IN (
                SELECT v.[ProviderId] FROM [Visits] v WHERE v.[PatientId] = p.[Id] AND v.[Status] <> 2
                UNION SELECT s.[ProviderId] FROM [AppointmentSeries] s WHERE s.[PatientId] = p.[Id])) x) AS [Providers],
            (SELECT STRING_AGG(x.[Name], N' | ') WITHIN GROUP (ORDER BY x.[Name]) FROM (SELECT DISTINCT m.[Name] FROM [Medications] m WHERE m.[Id] IN (
                SELECT r.[MedicationId] FROM [Prescriptions] r WHERE r.[PatientId] = p.[Id])) x) AS [Medications],
            CAST(CASE WHEN p.[ArchivedUtc] IS NULL THEN 0 ELSE 1 END AS bit) AS [Archived]
        FROM [Patients] p;
        """;

    // Grams of one column's text: trigrams anywhere, and "^" + the first 1 and 2 characters of each word.
    private const string GramsFunction = """
        CREATE FUNCTION [PatientSearchGramsOf] (@text nvarchar(max)) RETURNS TABLE AS RETURN
        WITH e(n) AS (SELECT 1 FROM (VALUES (1), (1), (1), (1), (1), (1), (1), (1), (1), (1)) v(n)),
            tally(n) AS (SELECT TOP (ISNULL(LEN(@text), 0)) ROW_NUMBER() OVER (ORDER BY (SELECT NULL)) FROM e a CROSS JOIN e b CROSS JOIN e c CROSS JOIN e d)
        SELECT DISTINCT g.[Gram] FROM tally t
        CROSS APPLY (SELECT CASE WHEN t.n = 1 OR SUBSTRING(@text, t.n - 1, 1) NOT LIKE N'[0-9A-Z]' THEN 1 ELSE 0 END AS [WordStart]) w
        CROSS APPLY (VALUES
            (CASE WHEN t.n <= LEN(@text) - 2 THEN UPPER(SUBSTRING(@text, t.n, 3)) END),
            (CASE WHEN w.[WordStart] = 1 AND SUBSTRING(@text, t.n, 1) LIKE N'[0-9A-Z]' THEN N'^' + UPPER(SUBSTRING(@text, t.n, 1)) END),
            (CASE WHEN w.[WordStart] = 1 AND SUBSTRING(@text, t.n, 2) LIKE N'[0-9A-Z][0-9A-Z]' THEN N'^' + UPPER(SUBSTRING(@text, t.n, 2)) END)) g([Gram])
        WHERE g.[Gram] IS NOT NULL;
        """;

    private const string RefreshProcedure = """
        CREATE PROCEDURE [RefreshPatientSearch] @ids [PatientSearchIds] READONLY AS
        BEGIN
            SET NOCOUNT ON;
            UPDATE d SET d.[Name] = s.[Name], d.[Email] = s.[Email], d.[PhoneDigits] = s.[PhoneDigits], d.[BirthDate] = s.[BirthDate],
                d.[Providers] = s.[Providers], d.[Medications] = s.[Medications], d.[Archived] = s.[Archived]
            FROM [PatientSearchDocuments] d
            JOIN @ids i ON i.[PatientId] = d.[PatientId]
            JOIN [PatientSearchSource] s ON s.[PatientId] = d.[PatientId]
            WHERE EXISTS (SELECT d.[Name], d.[Email], d.[PhoneDigits], d.[BirthDate], d.[Providers], d.[Medications], d.[Archived]
                EXCEPT SELECT s.[Name], s.[Email], s.[PhoneDigits], s.[BirthDate], s.[Providers], s.[Medications], s.[Archived]);
            INSERT INTO [PatientSearchDocuments] ([PatientId], [Name], [Email], [PhoneDigits], [BirthDate], [Providers], [Medications], [Archived])
            SELECT s.[PatientId], s.[Name], s.[Email], s.[PhoneDigits], s.[BirthDate], s.[Providers], s.[Medications], s.[Archived]
            FROM [PatientSearchSource] s JOIN @ids i ON i.[PatientId] = s.[PatientId]
            WHERE NOT EXISTS (SELECT 1 FROM [PatientSearchDocuments] d WHERE d.[PatientId] = s.[PatientId]);
        END;
        """;

    public static void Create(MigrationBuilder migration)
    {
        migration.Sql($"""
            CREATE TABLE [{GramTable}] (
                [Gram] nchar(3) NOT NULL,
                [DocumentId] bigint NOT NULL,
                CONSTRAINT [PK_{GramTable}] PRIMARY KEY ([Gram], [DocumentId]),
                INDEX [IX_{GramTable}_DocumentId] ([DocumentId]));
            """);
        migration.Sql("CREATE TYPE [PatientSearchIds] AS TABLE ([PatientId] uniqueidentifier NOT NULL PRIMARY KEY);");
        migration.Sql(Batch(SourceView));
        migration.Sql(Batch(GramsFunction));
        migration.Sql(Batch(RefreshProcedure));

        var grams = $"""
            INSERT INTO [{GramTable}] ([Gram], [DocumentId])
            SELECT DISTINCT g.[Gram], i.[Id] FROM inserted i
            CROSS APPLY (VALUES (i.[Name]), (i.[Email]), (i.[PhoneDigits]), (i.[BirthDate]), (i.[Providers]), (i.[Medications])) c([Text])
            CROSS APPLY [PatientSearchGramsOf](c.[Text]) g;
            """;
        var dropGrams = $"DELETE g FROM [{GramTable}] g JOIN deleted x ON x.[Id] = g.[DocumentId];";
        Trigger(migration, SearchTriggers.DocumentsTable, "Insert", "INSERT", grams);
        Trigger(migration, SearchTriggers.DocumentsTable, "Update", "UPDATE", dropGrams + "\n" + grams);
        Trigger(migration, SearchTriggers.DocumentsTable, "Delete", "DELETE", dropGrams);

        Trigger(migration, "Patients", "Insert", "INSERT", Refresh("SELECT [Id] FROM inserted"));
        Trigger(migration, "Patients", "Update", "UPDATE",
            "IF NOT (UPDATE([NormalizedName]) OR UPDATE([NormalizedEmail]) OR UPDATE([Phone]) OR UPDATE([DateOfBirth]) OR UPDATE([ArchivedUtc])) RETURN;\n" + Refresh("SELECT [Id] FROM inserted"));
        Trigger(migration, "Patients", "Delete", "DELETE", $"DELETE d FROM [{SearchTriggers.DocumentsTable}] d JOIN deleted x ON x.[Id] = d.[PatientId];");

        // As on SQLite, only a patient's first or last link to a provider or medication changes their document.
        LinkTriggers(migration, "Visits", "ProviderId", "[Status] <> 2", """
            EXISTS (SELECT 1 FROM [Visits] o WHERE o.[PatientId] = r.[PatientId] AND o.[Status] <> 2 AND o.[ProviderId] = r.[ProviderId] AND o.[Id] NOT IN (SELECT [Id] FROM inserted))
            OR EXISTS (SELECT 1 FROM [AppointmentSeries] o WHERE o.[PatientId] = r.[PatientId] AND o.[ProviderId] = r.[ProviderId])
            """, "OR UPDATE([Status])");
        LinkTriggers(migration, "AppointmentSeries", "ProviderId", null, """
            EXISTS (SELECT 1 FROM [AppointmentSeries] o WHERE o.[PatientId] = r.[PatientId] AND o.[ProviderId] = r.[ProviderId] AND o.[Id] NOT IN (SELECT [Id] FROM inserted))
            OR EXISTS (SELECT 1 FROM [Visits] o WHERE o.[PatientId] = r.[PatientId] AND o.[Status] <> 2 AND o.[ProviderId] = r.[ProviderId])
            """, "");
        LinkTriggers(migration, "Prescriptions", "MedicationId", null, """
            EXISTS (SELECT 1 FROM [Prescriptions] o WHERE o.[PatientId] = r.[PatientId] AND o.[MedicationId] = r.[MedicationId] AND o.[Id] NOT IN (SELECT [Id] FROM inserted))
            """, "");

        Trigger(migration, "Providers", "Update", "UPDATE", "IF NOT UPDATE([Name]) RETURN;\n" + Refresh("""
            SELECT v.[PatientId] FROM [Visits] v JOIN inserted i ON i.[Id] = v.[ProviderId] WHERE v.[Status] <> 2
            UNION SELECT s.[PatientId] FROM [AppointmentSeries] s JOIN inserted i ON i.[Id] = s.[ProviderId]
            """));
        Trigger(migration, "Medications", "Update", "UPDATE", "IF NOT UPDATE([Name]) RETURN;\n" + Refresh("""
            SELECT DISTINCT r.[PatientId] FROM [Prescriptions] r JOIN inserted i ON i.[Id] = r.[MedicationId]
            """));

        migration.Sql($"INSERT INTO [{SearchTriggers.DocumentsTable}] ([PatientId], {Columns}) SELECT [PatientId], {Columns} FROM [PatientSearchSource];");
    }

    public static void Drop(MigrationBuilder migration)
    {
        foreach (var table in new[] { "Patients", "Visits", "AppointmentSeries", "Prescriptions", "Providers", "Medications", SearchTriggers.DocumentsTable })
        {
            foreach (var trigger in SearchTriggers.On(table))
            {
                migration.Sql($"DROP TRIGGER IF EXISTS [{trigger}];");
            }
        }

        migration.Sql("DROP PROCEDURE IF EXISTS [RefreshPatientSearch];");
        migration.Sql("DROP FUNCTION IF EXISTS [PatientSearchGramsOf];");
        migration.Sql("DROP VIEW IF EXISTS [PatientSearchSource];");
        migration.Sql("DROP TYPE IF EXISTS [PatientSearchIds];");
        migration.Sql($"DROP TABLE IF EXISTS [{GramTable}];");
    }

    /// <summary>
    /// Insert, update and delete triggers for a table linking a patient to a provider or medication. <paramref name="stillLinked"/>
    /// tests a row <c>r</c> against the table after the change, leaving out the rows the statement inserted.
    /// </summary>
    private static void LinkTriggers(MigrationBuilder migration, string table, string link, string? counts, string stillLinked, string alsoUpdated)
    {
        var filter = counts is null ? "" : $"r.{counts} AND ";
        Trigger(migration, table, "Insert", "INSERT", Refresh($"SELECT DISTINCT r.[PatientId] FROM inserted r WHERE {filter}NOT ({stillLinked})"));
        Trigger(migration, table, "Delete", "DELETE", Refresh($"SELECT DISTINCT r.[PatientId] FROM deleted r WHERE {filter}NOT ({stillLinked})"));
        Trigger(migration, table, "Update", "UPDATE",
            $"IF NOT (UPDATE([PatientId]) OR UPDATE([{link}]) {alsoUpdated}) RETURN;\n" + Refresh("SELECT [PatientId] FROM inserted UNION SELECT [PatientId] FROM deleted"));
    }

    private static void Trigger(MigrationBuilder migration, string table, string operation, string @event, string body) =>
        migration.Sql(Batch($"""
            CREATE TRIGGER [{SearchTriggers.Name(table, operation)}] ON [{table}] AFTER {@event} AS
            BEGIN
            SET NOCOUNT ON;
            {body}
            END;
            """));

    /// <summary>
    /// CREATE VIEW, FUNCTION, PROCEDURE and TRIGGER must each be alone in a batch. EF Core 10 drops GO lines from
    /// `dotnet ef migrations script` output (dotnet/efcore#37628), so each runs as dynamic SQL, which is its own batch
    /// both when the app migrates and when a DBA runs the script.
    /// </summary>
    private static string Batch(string sql) => "EXEC(N'" + sql.Replace("'", "''", StringComparison.Ordinal) + "');";

    private static string Refresh(string patientIds) => $"""
        DECLARE @ids [PatientSearchIds];
        INSERT INTO @ids ([PatientId]) {patientIds};
        IF EXISTS (SELECT 1 FROM @ids) EXEC [RefreshPatientSearch] @ids;
        """;
}
