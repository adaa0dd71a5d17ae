using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Domain.Accounts;

/// <summary>What an admin can do for a patient who cannot sign in: email a reset link, or set a temporary password.</summary>
public sealed class AccountAdminService(
    IDbContextFactory<EmrDbContext> contexts,
    UserManager<EmrUser> users,
    PasswordResetService resets,
    PasswordService passwords)
{
    /// <summary>Queues a reset link to the patient's login email; returns that email.</summary>
    public async Task<Result<string>> SendResetLinkAsync(Guid patientId, Func<string, string, string> linkFor, CancellationToken ct = default)
    {
        var user = await LoginOfAsync(patientId, ct);
        if (user is null)
        {
            return DomainError.NotFound("The patient's login");
        }

        await resets.SendAsync(user, linkFor, ct);
        return user.Email!;
    }

    /// <summary>Sets a temporary password the patient must replace at their next sign-in; their sessions end.</summary>
    public async Task<Result<string>> SetTemporaryPasswordAsync(Guid patientId, string temporaryPassword, CancellationToken ct = default)
    {
        var user = await LoginOfAsync(patientId, ct);
        if (user is null)
        {
            return DomainError.NotFound("The patient's login");
        }

        var result = await passwords.SetTemporaryAsync(user, temporaryPassword);
        return result.Succeeded
            ? user.Email!
            : DomainError.Validation("password", string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private async Task<EmrUser?> LoginOfAsync(Guid patientId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var userId = await db.Patients.Where(p => p.Id == patientId).Select(p => p.UserId).FirstOrDefaultAsync(ct);
        return userId is null ? null : await users.FindByIdAsync(userId);
    }
}
