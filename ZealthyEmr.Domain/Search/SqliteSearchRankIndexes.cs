using Microsoft.EntityFrameworkCore.Migrations;

namespace ZealthyEmr.Domain.Search;

/// <summary>
/// What lets a SQLite search page through thousands of matches without ordering them all (<see cref="SqliteTieredPage"/>):
/// the documents not archived, indexed by sort name (walked in order), by name (the name-prefix rank) and by email
/// and phone digits (the exact-match rank). Partial indexes: the archived documents are never walked. SQLite's alone,
/// outside the EF model, as <see cref="SqliteSearchSortKeys"/>.
/// </summary>
public static class SqliteSearchRankIndexes
{
    public const string SortNameIndex = "IX_PatientSearchDocuments_SortName_Current";

    public const string NameIndex = "IX_PatientSearchDocuments_Name_Current";

    private const string Documents = SearchTriggers.DocumentsTable;

    private static readonly (string Name, string Columns)[] Indexes =
    [
        (SortNameIndex, "\"SortName\", \"PatientId\""),
        (NameIndex, "\"Name\", \"SortName\", \"PatientId\""),
        ("IX_PatientSearchDocuments_Email_Current", "\"Email\""),
        ("IX_PatientSearchDocuments_PhoneDigits_Current", "\"PhoneDigits\""),
    ];

    public static void Create(MigrationBuilder migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        foreach (var (name, columns) in Indexes)
        {
            // The queries repeat this filter word for word, so SQLite can use the partial index.
            migration.Sql($"CREATE INDEX \"{name}\" ON \"{Documents}\" ({columns}) WHERE NOT \"Archived\";");
        }
    }

    public static void Drop(MigrationBuilder migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        foreach (var (name, _) in Indexes)
        {
            migration.Sql($"DROP INDEX IF EXISTS \"{name}\";");
        }
    }
}
