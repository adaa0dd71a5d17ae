using Microsoft.Data.Sqlite;

namespace ZealthyEmr.Domain.Data;

/// <summary>
/// The SQLite file holds patient records, so on Unix it is created readable by the app's user only (600). SQLite
/// gives the -wal, -shm and -journal files the database file's mode, and an existing file is tightened too.
/// </summary>
internal static class SqliteFileModes
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Restrict(string? connectionString)
    {
        if (OperatingSystem.IsWindows() || connectionString is null)
        {
            return;
        }

        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            return;
        }

        var path = builder.DataSource;
        if (!File.Exists(path))
        {
            // An empty file is a valid empty database; creating it here fixes its mode before SQLite opens it.
            using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly });
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            if (File.Exists(file) && File.GetUnixFileMode(file) != OwnerOnly)
            {
                File.SetUnixFileMode(file, OwnerOnly);
            }
        }
    }
}
