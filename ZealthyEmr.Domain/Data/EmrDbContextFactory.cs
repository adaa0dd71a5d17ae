using Microsoft.EntityFrameworkCore;

namespace ZealthyEmr.Domain.Data;

/// <summary>Lets services ask for the shared model while the pool underneath is the configured provider's.</summary>
internal sealed class EmrDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<EmrDbContext>
    where TContext : EmrDbContext
{
    public EmrDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<EmrDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
