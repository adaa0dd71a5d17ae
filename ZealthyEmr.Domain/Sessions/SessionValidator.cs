using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Sessions;

/// <summary>
/// Whether a signed-in principal may still act: its user exists, is not locked out or disabled, and still has the
/// security stamp the principal was issued with. Checked on every request and by every open circuit.
/// </summary>
public sealed class SessionValidator(IDbContextFactory<EmrDbContext> dbFactory, SessionStore sessions, TimeProvider clock)
{
    public async Task<bool> IsUserValidAsync(string? userId, string? securityStamp, CancellationToken ct = default)
    {
        if (userId is null)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnabled, u.LockoutEnd, u.SignInDisabled })
            .SingleOrDefaultAsync(ct);
        return user is not null
            && !user.SignInDisabled
            && !(user.LockoutEnabled && user.LockoutEnd > clock.GetUtcNow())
            && user.SecurityStamp == securityStamp;
    }

    /// <summary>The session (without counting as activity) and then its user.</summary>
    public async Task<bool> IsSessionValidAsync(Guid sessionId, string? userId, string? securityStamp, CancellationToken ct = default)
    {
        var lookup = await sessions.FindAsync(sessionId, touch: false, ct);
        return lookup.State == SessionState.Active
            && lookup.Session!.UserId == userId
            && await IsUserValidAsync(userId, securityStamp, ct);
    }
}
