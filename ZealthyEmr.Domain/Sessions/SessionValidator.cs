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
        var user = await OnlyRowAsync(UserStates(db, userId), ct);
        return user is not null && MayAct(user.SignInDisabled, user.LockoutEnabled, user.LockoutEnd) && user.SecurityStamp == securityStamp;
    }

    /// <summary>
    /// An API token's user in two indexed queries (the user with their patient record, then their roles), where
    /// Identity's UserManager takes one for the user and one for the roles, and the patient routes a third for the patient.
    /// </summary>
    /// <remarks>
    /// The roles are not a collection in the first query: EF makes that a LEFT JOIN to a subquery SQLite cannot
    /// flatten, so it read every role grant in the clinic on each request (84 ms at 100,000 patients).
    /// </remarks>
    public async Task<TokenUser?> FindTokenUserAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await ReadTokenUserAsync(db, userId, ct);
        if (user is null)
        {
            return null;
        }

        var roles = await ReadRolesAsync(db, userId, ct);
        return new TokenUser(MayAct(user.SignInDisabled, user.LockoutEnabled, user.LockoutEnd), user.SecurityStamp, user.Email, roles, user.PatientId);
    }

    /// <summary>The token user's row and patient record: primary-key and unique-index seeks only (a test checks the plan).</summary>
    internal static Task<TokenUserRow?> ReadTokenUserAsync(EmrDbContext db, string userId, CancellationToken ct) =>
        OnlyRowAsync(TokenUserRows(db, userId), ct);

    internal static async Task<List<string>> ReadRolesAsync(EmrDbContext db, string userId, CancellationToken ct)
    {
        var roles = new List<string>();
        await foreach (var role in RoleNames(db, userId).WithCancellation(ct))
        {
            roles.Add(role);
        }

        return roles;
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

    // Compiled (one set per model, see PerModel): every API request and every circuit check runs these, and building,
    // parameterizing and looking up the LINQ each time cost the token check as much CPU as running them (profiled under bookings).
    private static IAsyncEnumerable<UserState> UserStates(EmrDbContext db, string userId) => PerModel<CompiledQueries>.For(db).UserStates(db, userId);

    private static IAsyncEnumerable<TokenUserRow> TokenUserRows(EmrDbContext db, string userId) => PerModel<CompiledQueries>.For(db).TokenUserRows(db, userId);

    private static IAsyncEnumerable<string> RoleNames(EmrDbContext db, string userId) => PerModel<CompiledQueries>.For(db).RoleNames(db, userId);

    // A user id is the primary key: the first row is the only one.
    private static async Task<T?> OnlyRowAsync<T>(IAsyncEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            return row;
        }

        return null;
    }

    private sealed class CompiledQueries
    {
        public readonly Func<EmrDbContext, string, IAsyncEnumerable<UserState>> UserStates = EF.CompileAsyncQuery(
            (EmrDbContext db, string userId) => db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new UserState(u.SecurityStamp, u.LockoutEnabled, u.LockoutEnd, u.SignInDisabled)));

        public readonly Func<EmrDbContext, string, IAsyncEnumerable<TokenUserRow>> TokenUserRows = EF.CompileAsyncQuery(
            (EmrDbContext db, string userId) => db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new TokenUserRow(
                    u.SecurityStamp, u.LockoutEnabled, u.LockoutEnd, u.SignInDisabled, u.Email,
                    db.Patients.Where(p => p.UserId == u.Id).Select(p => (Guid?)p.Id).FirstOrDefault())));

        public readonly Func<EmrDbContext, string, IAsyncEnumerable<string>> RoleNames = EF.CompileAsyncQuery(
            (EmrDbContext db, string userId) => db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!));
    }

    private sealed record UserState(string? SecurityStamp, bool LockoutEnabled, DateTimeOffset? LockoutEnd, bool SignInDisabled);

    internal sealed record TokenUserRow(string? SecurityStamp, bool LockoutEnabled, DateTimeOffset? LockoutEnd, bool SignInDisabled, string? Email, Guid? PatientId);
}
