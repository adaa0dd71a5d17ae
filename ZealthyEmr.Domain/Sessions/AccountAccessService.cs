using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Domain.Sessions;

/// <summary>
/// An admin's control over any login (patient, staff or admin): disable or enable sign-in, and sign out everywhere.
/// Ending access deletes every portal session and replaces the security stamp, which every API request compares,
/// so browsers and tokens alike stop working on their next request. The save interceptor audits the account change
/// (an Update of the user naming SignInDisabled and SecurityStamp); ending sessions adds a SessionRevoked in the same transaction.
/// </summary>
public sealed class AccountAccessService(IDbContextFactory<EmrDbContext> dbFactory, SessionStore sessionStore, IAuditLog audit, TimeProvider clock)
{
    public const string CannotDisableSelf = "CANNOT_DISABLE_SELF";

    /// <summary>Staff and admin logins (patients are managed from their record), by name.</summary>
    public async Task<IReadOnlyList<AccountSummary>> ListClinicAccountsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await (from ur in db.UserRoles
                         join r in db.Roles on ur.RoleId equals r.Id
                         where r.Name == Roles.Admin || r.Name == Roles.Staff
                         select ur.UserId).Distinct().ToListAsync(ct);
        var accounts = await SummariesAsync(db, ids, ct);
        return accounts.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<AccountSummary?> GetAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await SummariesAsync(db, [userId], ct)).SingleOrDefault();
    }

    public async Task<AccountSummary?> GetForPatientAsync(Guid patientId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var userId = await db.Patients.Where(p => p.Id == patientId).Select(p => p.UserId).SingleOrDefaultAsync(ct);
        return userId is null ? null : (await SummariesAsync(db, [userId], ct)).SingleOrDefault();
    }

    public Task<Result<AccountSummary>> DisableSignInAsync(string userId, string actorUserId, CancellationToken ct = default) =>
        userId == actorUserId
            ? Task.FromResult<Result<AccountSummary>>(new DomainError(CannotDisableSelf, "You cannot disable your own sign-in; ask another admin."))
            : ChangeAsync(userId, disable: true, endSessions: true, ct);

    public Task<Result<AccountSummary>> EnableSignInAsync(string userId, CancellationToken ct = default) =>
        ChangeAsync(userId, disable: false, endSessions: false, ct);

    public Task<Result<AccountSummary>> SignOutEverywhereAsync(string userId, CancellationToken ct = default) =>
        ChangeAsync(userId, disable: null, endSessions: true, ct);

    private async Task<Result<AccountSummary>> ChangeAsync(string userId, bool? disable, bool endSessions, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        var found = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
            if (user is null)
            {
                return (Found: false, Archived: false);
            }

            // An archived patient's login stays off until the record is restored, which turns it back on.
            if (disable == false && await db.Patients.AnyAsync(p => p.UserId == userId && p.ArchivedUtc != null, ct))
            {
                return (Found: true, Archived: true);
            }

            if (disable is { } value)
            {
                user.SignInDisabled = value;
            }

            if (endSessions)
            {
                // A new stamp ends API tokens (compared on every request) and any principal issued before now.
                user.SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
                await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
                audit.Stage(db, AuditAction.SessionRevoked, "User", userId, changedFields: ["AllSessions", "ApiTokens"]);
            }

            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (Found: true, Archived: false);
        });

        if (!found.Found)
        {
            return DomainError.NotFound("The account");
        }

        if (found.Archived)
        {
            return new DomainError(ErrorCodes.PatientArchived, "This patient's record is archived. Restore the record to let them sign in again.");
        }

        return (await SummariesAsync(db, [userId], ct)).Single();
    }

    private async Task<List<AccountSummary>> SummariesAsync(EmrDbContext db, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.SignInDisabled, u.LockoutEnabled, u.LockoutEnd })
            .ToListAsync(ct);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where userIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = (await db.UserSessions.AsNoTracking().Where(s => userIds.Contains(s.UserId)).ToListAsync(ct))
            .Where(s => sessionStore.EndOf(s) > now)
            .GroupBy(s => s.UserId)
            .ToDictionary(g => g.Key, g => g.Count());
        return users.Select(u => new AccountSummary(
                u.Id,
                u.DisplayName,
                u.Email ?? "",
                RoleOf(roles.Where(r => r.UserId == u.Id).Select(r => r.Name)),
                u.SignInDisabled,
                u.LockoutEnabled && u.LockoutEnd > clock.GetUtcNow(),
                sessions.GetValueOrDefault(u.Id)))
            .ToList();
    }

    private static string RoleOf(IEnumerable<string?> names)
    {
        var set = names.ToHashSet();
        return Roles.All.FirstOrDefault(set.Contains) ?? "";
    }
}
