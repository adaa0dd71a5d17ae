using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using ZealthyEmr.Domain.Search;

namespace ZealthyEmr.Tests.Domain;

public sealed partial class SearchHaystackMigrationTests
{
    /// <summary>
    /// SQLite before 3.46 overflows its parser stack at about 29 nested calls in one expression, and then cannot read the
    /// database at all ("malformed database schema"): every generated column stays well under that.
    /// </summary>
    [Fact]
    public void EveryGeneratedColumn_NestsFewCalls_SoOlderSqliteCanStillReadTheSchema()
    {
        var migration = new MigrationBuilder("Microsoft.EntityFrameworkCore.Sqlite");
        SqliteSearchHaystack.Create(migration);
        SqliteSearchHaystack.CreateWords(migration);

        var columns = migration.Operations.OfType<SqlOperation>().Select(o => o.Sql).Where(sql => sql.Contains("GENERATED ALWAYS", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, columns.Count); // the text, two steps of the words, the words
        Assert.All(columns, sql => Assert.InRange(ReplaceCall().Count(sql), 0, 12));
        Assert.Equal(33, columns.Sum(sql => ReplaceCall().Count(sql)));
    }

    [GeneratedRegex(@"replace\(")]
    private static partial Regex ReplaceCall();
}
