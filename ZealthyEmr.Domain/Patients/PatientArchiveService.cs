using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Domain.Patients;

/// <summary>
/// "Deleting" a patient archives them: the record and every visit, series and prescription stay, the login can no
/// longer sign in and its sessions and tokens end (new security stamp). Only a purge, past the retention period,
/// removes rows for good.
/// </summary>
public sealed class PatientArchiveService(
    IDbContextFactory<EmrDbContext> contexts,
    IServiceScopeFactory scopes,
    ClinicCalendar calendar,
    IOptions<ArchiveOptions> options,
    IAuditLog audit,
    IChangePublisher changes)
{
    public async Task<PatientDeletionSummary?> PreviewAsync(Guid id, CancellationToken ct = default)
    {
        var now = calendar.UtcNow;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Patients.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new PatientDeletionSummary(
                p.Id,
                p.Name,
                p.Email,
                db.AppointmentSeries.Count(s => s.PatientId == p.Id),
                db.Visits.Count(v => v.PatientId == p.Id),
                db.Prescriptions.Count(r => r.PatientId == p.Id),
                db.Users.Any(u => u.Id == p.UserId),
                db.Visits.Count(v => v.PatientId == p.Id && v.Status != Appointments.VisitStatus.Cancelled && v.StartUtc >= now)))
            .FirstOrDefaultAsync(ct);
    }

    public Task<Result<Guid>> ArchiveAsync(Guid id, CancellationToken ct = default) => SetArchivedAsync(id, archive: true, ct);

    public Task<Result<Guid>> RestoreAsync(Guid id, CancellationToken ct = default) => SetArchivedAsync(id, archive: false, ct);

    /// <summary>The instant before which an archived patient may be purged.</summary>
    public DateTime PurgeCutoffUtc => calendar.UtcNow.AddYears(-options.Value.PurgeArchivedAfterYears);

    public async Task<int> CountPurgeableAsync(CancellationToken ct = default)
    {
        var cutoff = PurgeCutoffUtc;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Patients.CountAsync(p => p.ArchivedUtc != null && p.ArchivedUtc < cutoff, ct);
    }

    /// <summary>Removes, with all their data and logins, the patients archived before the retention cutoff; nobody else.</summary>
    public async Task<PurgeSummary> PurgeAsync(CancellationToken ct = default)
    {
        var cutoff = PurgeCutoffUtc;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmrDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EmrUser>>();
        var ids = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var doomed = await db.Patients.Where(p => p.ArchivedUtc != null && p.ArchivedUtc < cutoff)
                .Select(p => new { p.Id, p.UserId }).ToListAsync(ct);
            var patientIds = doomed.Select(p => p.Id).ToList();
            await db.Visits.Where(v => patientIds.Contains(v.PatientId)).ExecuteDeleteAsync(ct);
            await db.AppointmentSeries.Where(s => patientIds.Contains(s.PatientId)).ExecuteDeleteAsync(ct);
            await db.Prescriptions.Where(p => patientIds.Contains(p.PatientId)).ExecuteDeleteAsync(ct);
            await db.Patients.Where(p => patientIds.Contains(p.Id)).ExecuteDeleteAsync(ct);
            // Bulk deletes bypass the save interceptor; the purge is recorded here, by id only, in the same transaction.
            foreach (var id in patientIds)
            {
                audit.Stage(db, AuditAction.Purge, nameof(Patient), id.ToString(), id);
            }

            await db.SaveChangesAsync(ct);
            foreach (var userId in doomed.Select(p => p.UserId))
            {
                if (await users.FindByIdAsync(userId) is { } user)
                {
                    IdentityErrors.ThrowIfFailed(await users.DeleteAsync(user), "purging an archived patient's login");
                }
            }

            await tx.CommitAsync(ct);
            return patientIds;
        });

        foreach (var id in ids)
        {
            await changes.PublishAsync(new EmrChange(ChangeKind.Patients, id), ct);
        }

        return new PurgeSummary(ids, cutoff);
    }

    private async Task<Result<Guid>> SetArchivedAsync(Guid id, bool archive, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmrDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EmrUser>>();
        var result = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, ct);
            if (patient is null)
            {
                return DomainError.NotFound("The patient");
            }

            if ((patient.ArchivedUtc is not null) == archive)
            {
                return Result<Guid>.Ok(patient.Version);
            }

            patient.ArchivedUtc = archive ? calendar.UtcNow : null;
            await db.SaveChangesAsync(ct);
            if (await users.FindByIdAsync(patient.UserId) is { } user)
            {
                await SetSignInAsync(users, user, enabled: !archive);
            }

            await tx.CommitAsync(ct);
            return Result<Guid>.Ok(patient.Version);
        });

        if (result.Succeeded)
        {
            await changes.PublishAsync(new EmrChange(ChangeKind.Patients, id), ct);
        }

        return result;
    }

    /// <summary>
    /// Archiving turns sign-in off with the flag an admin's "disable sign-in" sets, which every sign-in path and every
    /// request checks and no password flow clears (archives used to set an endless lockout, which a reset link or a
    /// temporary password cleared, letting an archived patient back in); the new security stamp ends open sessions and
    /// API tokens. Restoring turns it back on and clears any lockout, including those older archives' endless one.
    /// </summary>
    private static async Task SetSignInAsync(UserManager<EmrUser> users, EmrUser user, bool enabled)
    {
        user.SignInDisabled = !enabled;
        if (enabled)
        {
            IdentityErrors.ThrowIfFailed(await users.SetLockoutEndDateAsync(user, null), "enabling sign-in");
            IdentityErrors.ThrowIfFailed(await users.ResetAccessFailedCountAsync(user), "resetting failed sign-ins");
        }
        else
        {
            IdentityErrors.ThrowIfFailed(await users.UpdateSecurityStampAsync(user), "disabling sign-in");
        }
    }
}
