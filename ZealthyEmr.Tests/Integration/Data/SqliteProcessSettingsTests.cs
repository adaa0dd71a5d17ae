using Microsoft.EntityFrameworkCore;
using SQLitePCL;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Data;

public sealed class SqliteProcessSettingsTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    /// <summary>With memory statistics off SQLite counts nothing, so the global allocation mutex is not taken.</summary>
    [Fact]
    public async Task SqliteKeepsNoMemoryStatistics_WhileTheAppReadsAndWrites()
    {
        await using (var db = await database.CreateDbContextAsync())
        {
            Assert.True(await db.Patients.CountAsync() > 0);
        }

        Assert.True(SqliteProcessSettings.Apply());
        Assert.Equal(0, raw.sqlite3_memory_used());
    }
}
