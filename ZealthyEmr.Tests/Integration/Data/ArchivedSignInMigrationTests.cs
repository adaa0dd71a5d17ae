using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Data;

/// <summary>
/// Patients archived before archiving set the sign-in flag were kept out by an endless lockout alone, which a password
/// reset clears; the data migration gives their logins the flag and leaves everyone else's alone.
/// </summary>
public sealed class ArchivedSignInMigrationTests : IDisposable
{
    private const string Before = "20261127023500_SearchRankIndexes";
    private readonly string path = Path.Combine(Path.GetTempPath(), $"zealthy-migration-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task ArchivedPatientsFromBefore_GetTheSignInFlag()
    {
        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
            var archived = Login("archived", DateTimeOffset.MaxValue);
            var current = Login("current", lockoutEnd: null);
            db.Users.AddRange(archived, current);
            db.Patients.AddRange(
                new Patient { Name = "Old Archive", Email = archived.Email!, NormalizedEmail = archived.NormalizedEmail!, UserId = archived.Id, ArchivedUtc = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc) },
                new Patient { Name = "Still Here", Email = current.Email!, NormalizedEmail = current.NormalizedEmail!, UserId = current.Id });
            await db.SaveChangesAsync();
        }

        await using (var db = Context())
        {
            await db.Database.MigrateAsync();
            var flags = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.SignInDisabled);
            Assert.True(flags["archived"]);
            Assert.False(flags["current"]);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(path);
    }

    private SqliteEmrDbContext Context() => SqliteContexts.Open(path);

    private static EmrUser Login(string name, DateTimeOffset? lockoutEnd) => new()
    {
        UserName = name,
        NormalizedUserName = name.ToUpperInvariant(),
        Email = $"{name}@patients.test",
        NormalizedEmail = $"{name}@patients.test".ToUpperInvariant(),
        SecurityStamp = Guid.NewGuid().ToString(),
        LockoutEnabled = true,
        LockoutEnd = lockoutEnd,
    };
}
