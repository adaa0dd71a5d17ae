using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Sessions;

/// <summary>
/// The user reads behind every API request and every circuit check, as EF compiled queries (<see cref="PerModel{T}"/>):
/// building, parameterizing and looking up the LINQ each time cost the token check as much CPU as running it
/// (profiled under bookings). Primary-key and unique-index seeks only; a test explains the statements they send.
/// </summary>
internal sealed class SessionQueries
{
    private readonly Func<EmrDbContext, string, IAsyncEnumerable<UserState>> userStates = EF.CompileAsyncQuery(
        (EmrDbContext db, string userId) => db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new UserState(u.SecurityStamp, u.LockoutEnabled, u.LockoutEnd, u.SignInDisabled)));

    private readonly Func<EmrDbContext, string, IAsyncEnumerable<TokenUserRow>> tokenUsers = EF.CompileAsyncQuery(
        (EmrDbContext db, string userId) => db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new TokenUserRow(
                u.SecurityStamp, u.LockoutEnabled, u.LockoutEnd, u.SignInDisabled, u.Email,
                db.Patients.Where(p => p.UserId == u.Id).Select(p => (Guid?)p.Id).FirstOrDefault())));

    // The roles are not a collection in the user's query: EF makes that a LEFT JOIN to a subquery SQLite cannot
    // flatten, which read every role grant in the clinic on each request (84 ms at 100,000 patients).
    private readonly Func<EmrDbContext, string, IAsyncEnumerable<string>> roleNames = EF.CompileAsyncQuery(
        (EmrDbContext db, string userId) => db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!));

    public static Task<UserState?> ReadUserStateAsync(EmrDbContext db, string userId, CancellationToken ct) =>
        OnlyRowAsync(PerModel<SessionQueries>.For(db).userStates(db, userId), ct);

    /// <summary>The token user's row with their patient record's id.</summary>
    public static Task<TokenUserRow?> ReadTokenUserAsync(EmrDbContext db, string userId, CancellationToken ct) =>
        OnlyRowAsync(PerModel<SessionQueries>.For(db).tokenUsers(db, userId), ct);

    public static async Task<List<string>> ReadRolesAsync(EmrDbContext db, string userId, CancellationToken ct)
    {
        var roles = new List<string>();
        await foreach (var role in PerModel<SessionQueries>.For(db).roleNames(db, userId).WithCancellation(ct))
        {
            roles.Add(role);
        }

        return roles;
    }

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

    public sealed record UserState(string? SecurityStamp, bool LockoutEnabled, DateTimeOffset? LockoutEnd, bool SignInDisabled);

    public sealed record TokenUserRow(string? SecurityStamp, bool LockoutEnabled, DateTimeOffset? LockoutEnd, bool SignInDisabled, string? Email, Guid? PatientId);
}
