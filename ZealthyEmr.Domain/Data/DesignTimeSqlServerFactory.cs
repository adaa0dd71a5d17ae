using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ZealthyEmr.Domain.Data;

/// <summary>Used by dotnet-ef (`--context SqlServerEmrDbContext`) and the tests; no server is contacted.</summary>
internal sealed class DesignTimeSqlServerFactory : IDesignTimeDbContextFactory<SqlServerEmrDbContext>
{
    public SqlServerEmrDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerEmrDbContext>()
            .UseSqlServer("Server=localhost;Database=ZealthyEmr;Trusted_Connection=True;TrustServerCertificate=True")
            .UseApplicationServiceProvider(IdentityStoreServices.Create())
            .Options);
}
