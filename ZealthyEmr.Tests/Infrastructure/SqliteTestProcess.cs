using System.Runtime.CompilerServices;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Tests.Infrastructure;

/// <summary>
/// Applies the app's process-wide SQLite settings before any test opens a connection, as the app does before its first:
/// otherwise whichever test touched SQLite first would decide whether they apply in this process.
/// </summary>
internal static class SqliteTestProcess
{
    [ModuleInitializer]
    internal static void Initialize() => SqliteProcessSettings.Apply();
}
