using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Notifications;

namespace ZealthyEmr.Web.Security;

/// <summary>
/// The first step of every password sign-in (portal and API). An unknown email and a locked account cost the same
/// password hash as a real check, so response time does not tell which emails have accounts, and both get the
/// caller's ordinary "email or password is not right" answer. The owner learns of a lockout by email instead.
/// </summary>
public sealed class CredentialCheck(UserManager<EmrUser> users, IPasswordHasher<EmrUser> hasher, EmrDbContext db, AccountEmails emails, IAuditLog audit, IAuditContext auditContext)
{
    private static readonly EmrUser Nobody = new() { UserName = "nobody", DisplayName = "nobody" };
    private static string? dummyHash;

    /// <summary>The account to check the password against, or null (after equal work) when there is none to check.</summary>
    public async Task<EmrUser?> FindSignInCandidateAsync(string email, string password)
    {
        var trimmed = email.Trim();
        var user = trimmed.Length is > 0 and <= 256 ? await users.FindByEmailAsync(trimmed) : null;
        if (user is not null && !await users.IsLockedOutAsync(user))
        {
            return user;
        }

        // Same algorithm and iteration count as a real hash, since it comes from the same hasher.
        dummyHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        hasher.VerifyHashedPassword(Nobody, dummyHash, password);
        return null;
    }

    /// <summary>
    /// The audit record of a password sign-in attempt, for the portal and the API alike: SignIn, SignInFailed or
    /// LockedOut, filed under the account when there is one (the tried email otherwise, never the password).
    /// </summary>
    public async Task RecordAttemptAsync(string email, EmrUser? user, SignInResult result, CancellationToken ct = default)
    {
        var action = result.Succeeded || result.RequiresTwoFactor ? AuditAction.SignIn
            : result.IsLockedOut ? AuditAction.LockedOut
            : AuditAction.SignInFailed;
        var current = auditContext.Current;
        var actor = current with { UserId = user?.Id, Email = user?.Email ?? email.Trim()[..Math.Min(email.Trim().Length, 256)] };
        var patientId = user is null ? null : await db.Patients.Where(p => p.UserId == user.Id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        await audit.RecordAsync(action, "User", user?.Id, patientId, actor, ct);
    }

    /// <summary>
    /// When <paramref name="result"/> is the attempt that locked the account (a locked one never gets this far),
    /// queues the lockout email. Identity's store has just saved the lockout through this same scoped context, so
    /// the message follows it at once; the key (user and lock end) keeps a retry from sending it twice.
    /// </summary>
    public async Task ReportLockoutAsync(EmrUser user, SignInResult result, CancellationToken ct = default)
    {
        if (!result.IsLockedOut || string.IsNullOrEmpty(user.Email) || user.LockoutEnd is not { } until)
        {
            return;
        }

        db.AddOutboxMessage(emails.LockedOut(user.Email, until) with { DedupKey = $"lockout:{user.Id}:{until.UtcTicks}" });
        await db.SaveChangesAsync(ct);
    }
}
