using Microsoft.Data.Sqlite;

namespace ZealthyEmr.Domain.Data;

internal static class SqliteConnectionStrings
{
    /// <summary>
    /// Anchors a relative file under the content root and creates its folder, so `dotnet run` works from
    /// any directory.
    /// </summary>
    public static string Resolve(string? configured, string contentRootPath)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=App_Data/emr.db");
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRootPath, builder.DataSource);
        }

        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder && !Directory.Exists(folder))
        {
            // A folder the app creates for its database is the app user's alone (700).
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, SqliteFileModes.OwnerOnly | UnixFileMode.UserExecute);
            }
        }

        builder.Pooling = true;
        return builder.ToString();
    }
}
