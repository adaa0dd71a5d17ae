using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ZealthyEmr.Domain.Data;

/// <summary>Used by dotnet-ef (`--context SqliteEmrDbContext`) and by the model-sync tests.</summary>
internal sealed class DesignTimeSqliteFactory : IDesignTimeDbContextFactory<SqliteEmrDbContext>
{
    public SqliteEmrDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteEmrDbContext>()
            .UseSqlite("Data Source=design.db")
            .UseApplicationServiceProvider(IdentityStoreServices.Create())
            .Options);
}
