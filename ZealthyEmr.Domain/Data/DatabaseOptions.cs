namespace ZealthyEmr.Domain.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply migrations on start; defaults to on for the embedded SQLite file, off for SQL Server.</summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>
    /// Seed the demo clinic (its accounts share a published password); defaults to on in Development only.
    /// Set to true elsewhere and every start in Production logs a warning.
    /// </summary>
    public bool? SeedDemoData { get; set; }
}
