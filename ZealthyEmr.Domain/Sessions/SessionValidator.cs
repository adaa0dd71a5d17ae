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
        var user = await SessionQueries.ReadUserStateAsync(db, userId, ct);
        return user is not null && MayAct(user.SignInDisabled, user.LockoutEnabled, user.LockoutEnd) && user.SecurityStamp == securityStamp;
    }

    /// <summary>
    /// An API token's user in two indexed queries (the user with their patient record, then their roles), where
    /// Identity's UserManager takes one for the user and one for the roles, and the patient routes a third for the patient.
    /// </summary>
    public async Task<TokenUser?> FindTokenUserAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await SessionQueries.ReadTokenUserAsync(db, userId, ct);
        if (user is null)
        {
            return null;
        }

        var roles = await SessionQueries.ReadRolesAsync(db, userId, ct);
        return new TokenUser(MayAct(user.SignInDisabled, user.LockoutEnabled, user.LockoutEnd), user.SecurityStamp, user.Email, roles, user.PatientId);
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
