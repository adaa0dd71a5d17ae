using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Audit;

/// <summary>Reads the audit rows a test produced: everything after a mark, once buffered reads are written.</summary>
public sealed class AuditTrailProbe(EmrAppFactory app)
{
    public async Task<long> MarkAsync()
    {
        await app.Services.GetRequiredService<IAuditLog>().FlushAsync();
        await using var db = await CreateAsync();
        return await db.AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    public async Task<List<AuditEvent>> SinceAsync(long mark)
    {
        await app.Services.GetRequiredService<IAuditLog>().FlushAsync();
        await using var db = await CreateAsync();
        return await db.AuditEvents.AsNoTracking().Where(e => e.Id > mark).OrderBy(e => e.Id).ToListAsync();
    }

    private Task<EmrDbContext> CreateAsync() => app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
}
