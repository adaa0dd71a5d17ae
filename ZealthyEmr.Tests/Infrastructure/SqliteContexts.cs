using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Tests.Infrastructure;

/// <summary>
/// A bare context on a SQLite file, outside any host. It must get Identity's store options as the app and the design-time
/// factory do: without them the model has no passkeys table, and EF's model cache can hand that model to the
/// migration tests' contexts in the same run, which then report pending model changes.
/// </summary>
public static class SqliteContexts
{
    public static SqliteEmrDbContext Open(string path, params IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<SqliteEmrDbContext>()
            .UseSqlite($"Data Source={path}")
            .UseApplicationServiceProvider(IdentityStoreServices.Create())
            .AddInterceptors(interceptors)
            .Options);
}
