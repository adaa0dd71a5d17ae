using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Identity;

public sealed class UserPreferencesService(IDbContextFactory<EmrDbContext> contexts)
{
    public async Task<bool> PrefersDarkModeAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.PrefersDarkMode).FirstOrDefaultAsync(ct);
    }

    public async Task SetDarkModeAsync(string userId, bool dark, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PrefersDarkMode, dark), ct);
    }
}
