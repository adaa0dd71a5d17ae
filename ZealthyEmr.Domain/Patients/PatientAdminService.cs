using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Domain.Patients;

/// <summary>
/// Patients as the admin portal manages them. A patient and their login are one thing to the clinic, so
/// every write that touches both runs in one transaction on the scope's context, the same context
/// Identity's stores use: a failure anywhere rolls back the user row as well, and nothing is left half-written.
/// </summary>
public sealed class PatientAdminService(
    IDbContextFactory<EmrDbContext> contexts,
    IServiceScopeFactory scopes,
    ClinicCalendar calendar,
    IChangePublisher changes,
    IAuditLog audit)
{
    public async Task<PatientDetails?> GetAsync(Guid id, CancellationToken ct = default)
    {
        audit.RecordView(nameof(Patient), id.ToString(), id);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Patients.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new PatientDetails(p.Id, p.Name, p.Email, p.DateOfBirth, p.Phone, p.CreatedUtc, p.UpdatedUtc, p.Version, p.ArchivedUtc))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<PatientStats> GetStatsAsync(Guid id, CancellationToken ct = default)
    {
        audit.RecordView(nameof(PatientStats), id.ToString(), id);
        var now = calendar.UtcNow;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var visits = await db.Visits.AsNoTracking()
            .Where(v => v.PatientId == id)
            .GroupBy(v => 1)
            .Select(g => new
            {
                Kept = g.Count(v => v.Status == VisitStatus.Completed || (v.Status == VisitStatus.Scheduled && v.StartUtc < now)),
                Cancelled = g.Count(v => v.Status == VisitStatus.Cancelled),
            })
            .FirstOrDefaultAsync(ct);
        var prescriptions = await db.Prescriptions.CountAsync(p => p.PatientId == id && p.IsActive, ct);
        return new PatientStats(visits?.Kept ?? 0, visits?.Cancelled ?? 0, prescriptions);
    }

    /// <summary>Creates the patient and their login (role Patient, email confirmed) with <paramref name="password"/>; returns the patient's id.</summary>
    public async Task<Result<Guid>> CreateAsync(PatientInput input, string password, CancellationToken ct = default)
    {
        input = PatientInputRules.Normalize(input);
        if (PatientInputRules.Validate(input, calendar.Today) is { } invalid)
        {
            return invalid;
        }

        var result = await InAccountTransactionAsync(async (db, users) =>
        {
            if (await EmailTakenAsync(db, input.Email, exceptUserId: null, ct))
            {
                return PatientInputRules.DuplicateEmail(input.Email);
            }

            // The admin chose this password, so the patient replaces it at their first sign-in.
            var user = new EmrUser { UserName = input.Email, Email = input.Email, EmailConfirmed = true, DisplayName = input.Name, MustChangePassword = true };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return IdentityErrors.ToDomainError(created, input.Email);
            }

            IdentityErrors.ThrowIfFailed(await users.AddToRoleAsync(user, Roles.Patient), "adding the Patient role");
            var patient = new Patient
            {
                Name = input.Name,
                NormalizedName = input.Name.ToUpperInvariant(),
                Email = input.Email,
                NormalizedEmail = input.Email.ToUpperInvariant(),
                DateOfBirth = input.DateOfBirth,
                Phone = input.Phone,
                UserId = user.Id,
            };
            db.Patients.Add(patient);
            await db.SaveChangesAsync(ct);
            return Result<Guid>.Ok(patient.Id);
        }, input.Email, exceptPatientId: null, ct);

        if (result.Succeeded)
        {
            await changes.PublishAsync(new EmrChange(ChangeKind.Patients, result.Value), ct);
        }

        return result;
    }

    /// <summary>
    /// Saves the edit if nobody changed the patient since <paramref name="expectedVersion"/> was read, and returns
    /// the new version. A new email becomes the login's email and user name too, so the patient signs in with it.
    /// </summary>
    public async Task<Result<Guid>> UpdateAsync(Guid id, PatientInput input, Guid expectedVersion, CancellationToken ct = default)
    {
        input = PatientInputRules.Normalize(input);
        if (PatientInputRules.Validate(input, calendar.Today) is { } invalid)
        {
            return invalid;
        }

        var result = await InAccountTransactionAsync(async (db, users) =>
        {
            var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, ct);
            if (patient is null)
            {
                return DomainError.NotFound("The patient");
            }

            if (patient.Version != expectedVersion)
            {
                return DomainError.Stale("The patient");
            }

            var emailChanged = !string.Equals(patient.Email, input.Email, StringComparison.Ordinal);
            if (emailChanged && await EmailTakenAsync(db, input.Email, patient.UserId, ct))
            {
                return PatientInputRules.DuplicateEmail(input.Email);
            }

            var nameChanged = !string.Equals(patient.Name, input.Name, StringComparison.Ordinal);
            patient.Name = input.Name;
            patient.NormalizedName = input.Name.ToUpperInvariant();
            patient.Email = input.Email;
            patient.NormalizedEmail = input.Email.ToUpperInvariant();
            patient.DateOfBirth = input.DateOfBirth;
            patient.Phone = input.Phone;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return DomainError.Stale("The patient");
            }

            if (emailChanged || nameChanged)
            {
                var user = await users.FindByIdAsync(patient.UserId) ?? throw new InvalidOperationException($"Patient {id} has no login.");
                user.Email = input.Email;
                user.UserName = input.Email;
                user.EmailConfirmed = true;
                user.DisplayName = input.Name;
                var updated = await users.UpdateAsync(user);
                if (!updated.Succeeded)
                {
                    return IdentityErrors.ToDomainError(updated, input.Email);
                }
            }

            return Result<Guid>.Ok(patient.Version);
        }, input.Email, exceptPatientId: id, ct);

        if (result.Succeeded)
        {
            await changes.PublishAsync(new EmrChange(ChangeKind.Patients, id), ct);
        }

        return result;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction on a fresh scope's context and user manager; commits only a
    /// success. A unique-index violation on the email (a concurrent create) comes back as DUPLICATE_EMAIL.
    /// </summary>
    private async Task<Result<T>> InAccountTransactionAsync<T>(Func<EmrDbContext, UserManager<EmrUser>, Task<Result<T>>> work, string? email, Guid? exceptPatientId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmrDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EmrUser>>();
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                // A retried attempt must not see entities tracked by the attempt that failed.
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var result = await work(db, users);
                if (result.Succeeded)
                {
                    await tx.CommitAsync(ct);
                }

                return result;
            });
        }
        catch (DbUpdateException) when (email is not null)
        {
            await using var fresh = await contexts.CreateDbContextAsync(ct);
            var ownUserId = await fresh.Patients.Where(p => p.Id == exceptPatientId).Select(p => p.UserId).FirstOrDefaultAsync(ct);
            if (await EmailTakenAsync(fresh, email, ownUserId, ct))
            {
                return PatientInputRules.DuplicateEmail(email);
            }

            throw;
        }
    }

    /// <summary>Any login (patient, staff or admin) already using the email, not only patients.</summary>
    private static async Task<bool> EmailTakenAsync(EmrDbContext db, string email, string? exceptUserId, CancellationToken ct)
    {
        var normalized = email.ToUpperInvariant();
        return await db.Users.AnyAsync(u => u.Id != exceptUserId && (u.NormalizedEmail == normalized || u.NormalizedUserName == normalized), ct)
            || await db.Patients.AnyAsync(p => p.UserId != exceptUserId && p.NormalizedEmail == normalized, ct);
    }
}
