using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Providers;

/// <summary>The read side every signed-in user may see: who the clinic's providers are.</summary>
public sealed class ProviderDirectory(IDbContextFactory<EmrDbContext> contexts)
{
    public async Task<IReadOnlyList<ProviderSummary>> ListAsync(bool activeOnly, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Providers.AsNoTracking()
            .Where(p => !activeOnly || p.IsActive)
            .OrderBy(p => p.Name)
            .Select(p => new ProviderSummary(p.Id, p.Name, p.Specialty, p.IsActive))
            .ToListAsync(ct);
    }

    public async Task<bool> ExistsAsync(Guid providerId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Providers.AnyAsync(p => p.Id == providerId, ct);
    }
}
