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
        return user is not null && MayAct(user.SignInDisabled, user.LockoutEnabled, user.LockoutEnd) && user.SecurityStamp == securityStamp;
    }

    /// <summary>
    /// An API token's user in one round trip (the user, their roles and their patient record), where Identity's
    /// UserManager takes one query for the user and one for the roles, and the patient routes a third for the patient.
    /// </summary>
    public async Task<TokenUser?> FindTokenUserAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.SecurityStamp,
                u.LockoutEnabled,
                u.LockoutEnd,
                u.SignInDisabled,
                u.Email,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
                PatientId = db.Patients.Where(p => p.UserId == u.Id).Select(p => (Guid?)p.Id).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        return user is null ? null : new TokenUser(MayAct(user.SignInDisabled, user.LockoutEnabled, user.LockoutEnd), user.SecurityStamp, user.Email, user.Roles, user.PatientId);
    }

    /// <summary>The session (without counting as activity) and then its user.</summary>
    public async Task<bool> IsSessionValidAsync(Guid sessionId, string? userId, string? securityStamp, CancellationToken ct = default)
    {
        var lookup = await sessions.FindAsync(sessionId, touch: false, ct);
        return lookup.State == SessionState.Active
            && lookup.Session!.UserId == userId
            && await IsUserValidAsync(userId, securityStamp, ct);
    }

    // Identity's rule (UserManager.IsLockedOutAsync) plus the clinic's own switch.
    private bool MayAct(bool signInDisabled, bool lockoutEnabled, DateTimeOffset? lockoutEnd) =>
        !signInDisabled && !(lockoutEnabled && lockoutEnd >= clock.GetUtcNow());
}
