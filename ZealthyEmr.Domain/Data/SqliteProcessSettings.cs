using SQLitePCL;

namespace ZealthyEmr.Domain.Data;

/// <summary>
/// Process-wide SQLite settings, applied before the first connection opens (SQLite accepts them only before it
/// initializes). The bundled e_sqlite3 keeps memory statistics (SQLITE_DEFAULT_MEMSTATUS is not set in its build), and
/// to do so takes one global mutex around every allocation and free: requests running SQLite on different threads
/// wait on each other for it (futex calls were 4 % of the app's CPU under the search load, issue 15). The app never
/// reads those statistics; SQLite's documentation recommends them off.
/// </summary>
public static class SqliteProcessSettings
{
    private static int applied = -1;

    /// <summary>
    /// True when the settings took effect; false when SQLite was already initialized in this process (a tool or test
    /// that opened a connection first), in which case SQLite works as before.
    /// </summary>
    public static bool Apply()
    {
        if (Volatile.Read(ref applied) is var known and >= 0)
        {
            return known == 1;
        }

        Batteries_V2.Init();
        var result = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0) == raw.SQLITE_OK ? 1 : 0;
        Interlocked.CompareExchange(ref applied, result, -1);
        return Volatile.Read(ref applied) == 1;
    }
}
