using Microsoft.Data.Sqlite;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Security;

public sealed class SqliteFileModeTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task DatabaseAndItsWalAndShmFiles_AreReadableByTheOwnerOnly()
    {
        await using var app = new EmrAppFactory();
        using var client = app.CreateClient();
        using var _ = await client.GetAsync("/account/login");

        foreach (var file in new[] { app.DatabasePath, app.DatabasePath + "-wal", app.DatabasePath + "-shm" })
        {
            Assert.True(File.Exists(file), $"{file} is missing");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        SqliteConnection.ClearAllPools();
    }
}
