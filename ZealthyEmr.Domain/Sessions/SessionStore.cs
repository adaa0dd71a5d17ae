using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Sessions;

/// <summary>
/// The server-side sessions behind the portal cookie. Every lookup applies the idle and absolute limits against
/// the stored last activity, so a browser that was closed or asleep past the timeout finds its session gone.
/// Ends that a person or the limits cause are audited here (SignOut, SessionRevoked, SessionExpired); plain
/// <see cref="RemoveAsync"/> is for the cookie handler's own bookkeeping.
/// </summary>
public sealed class SessionStore(IDbContextFactory<EmrDbContext> dbFactory, IOptions<SessionLifetimeOptions> options, IAuditLog audit, TimeProvider clock)
{
    public const string EntityType = nameof(UserSession);

    /// <summary>Stores a new session under <paramref name="id"/>, which the caller has already put in the ticket.</summary>
    public async Task CreateAsync(Guid id, string userId, byte[] ticket, string device, string? clientAddress, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UserSession
        {
            Id = id,
            UserId = userId,
            Ticket = ticket,
            CreatedUtc = now,
            LastActivityUtc = now,
            ExpiresUtc = now + options.Value.AbsoluteSessionLifetime,
            Device = device.Length > 200 ? device[..200] : device,
            ClientAddress = clientAddress?.Length > 64 ? clientAddress[..64] : clientAddress,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The session if it is still active; an expired one is removed. With <paramref name="touch"/> the lookup counts
    /// as user activity (a page load, a form post), written at most once per <see cref="SessionLifetimeOptions.ActivityGranularity"/>.
    /// </summary>
    public async Task<SessionLookup> FindAsync(Guid id, bool touch, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return SessionLookup.Ended;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (IsExpired(session, now))
        {
            await ExpireAsync(db, session, ct);
            return new SessionLookup(SessionState.Expired, session);
        }

        if (touch && now - session.LastActivityUtc >= options.Value.ActivityGranularity)
        {
            await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastActivityUtc, now), ct);
            session.LastActivityUtc = now;
        }

        return new SessionLookup(SessionState.Active, session);
    }

    /// <summary>Records user input reported by an open page; the result tells whether the session is still active.</summary>
    public Task<SessionLookup> RecordActivityAsync(Guid id, CancellationToken ct = default) => FindAsync(id, touch: true, ct);

    public async Task RenewAsync(Guid id, byte[] ticket, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Ticket, ticket), ct);
    }

    /// <summary>Deletes the session without an audit event (a ticket replaced on re-sign-in); false when it was already gone.</summary>
    public async Task<bool> RemoveAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(ct) > 0;
    }

    /// <summary>
    /// The signed-in user signs out of this session. Audited even when the row is already gone: the cookie handler
    /// removes it just before its sign-out event, and the person did sign out either way.
    /// </summary>
    public async Task SignOutAsync(Guid id, CancellationToken ct = default)
    {
        await RemoveAsync(id, ct);
        await audit.RecordAsync(AuditAction.SignOut, EntityType, id.ToString(), ct: ct);
    }

    /// <summary>The user ends one of their other sessions; false when it is not theirs or already gone.</summary>
    public async Task<bool> RevokeForUserAsync(string userId, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var removed = await db.UserSessions.Where(s => s.Id == id && s.UserId == userId).ExecuteDeleteAsync(ct) > 0;
        if (removed)
        {
            await audit.RecordAsync(AuditAction.SessionRevoked, EntityType, id.ToString(), ct: ct);
        }

        return removed;
    }

    /// <summary>The user's active sessions, most recently used first; expired rows are left for the sweep on lookup.</summary>
    public async Task<IReadOnlyList<SessionSummary>> ListForUserAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return rows.Where(s => !IsExpired(s, now))
            .OrderByDescending(s => s.LastActivityUtc)
            .Select(s => new SessionSummary(s.Id, s.Device, s.ClientAddress, s.CreatedUtc, s.LastActivityUtc, s.ExpiresUtc))
            .ToList();
    }

    /// <summary>
    /// Removes sessions past their limits that no request or page has looked at (a browser closed for good), so the
    /// table holds only live sessions and each expiry is audited even when nobody comes back.
    /// </summary>
    public async Task<int> SweepExpiredAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var idleSince = now - options.Value.IdleTimeout;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var expired = await db.UserSessions.AsNoTracking()
            .Where(s => s.ExpiresUtc <= now || s.LastActivityUtc <= idleSince)
            .OrderBy(s => s.LastActivityUtc)
            .Take(500)
            .ToListAsync(ct);
        var removed = 0;
        foreach (var session in expired)
        {
            removed += await ExpireAsync(db, session, ct) ? 1 : 0;
        }

        return removed;
    }

    /// <summary>When the session ends if nothing more happens: the idle deadline or the absolute end, whichever is first.</summary>
    public DateTime EndOf(UserSession session)
    {
        var idleEnd = session.LastActivityUtc + options.Value.IdleTimeout;
        return idleEnd < session.ExpiresUtc ? idleEnd : session.ExpiresUtc;
    }

    private bool IsExpired(UserSession session, DateTime now) => now >= EndOf(session);

    /// <summary>Deletes an expired session and audits it once, whoever (a request, a page, the sweep) got there first.</summary>
    private async Task<bool> ExpireAsync(EmrDbContext db, UserSession session, CancellationToken ct)
    {
        if (await db.UserSessions.Where(s => s.Id == session.Id).ExecuteDeleteAsync(ct) == 0)
        {
            return false;
        }

        // Nobody acted: the limits ended the session, so the row names its owner rather than whoever noticed.
        var email = await db.Users.Where(u => u.Id == session.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        var owner = new AuditActor(session.UserId, email ?? "", null, session.ClientAddress, AuditChannel.Portal, null);
        await audit.RecordAsync(AuditAction.SessionExpired, EntityType, session.Id.ToString(), actor: owner, ct: ct);
        return true;
    }
}
