using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>A patient's email choices, read by the portal and by the sender at send time.</summary>
public sealed class NotificationPreferencesService(IDbContextFactory<EmrDbContext> contexts, UnsubscribeTokens tokens, TimeProvider clock)
{
    public async Task<NotificationPreference> GetAsync(Guid patientId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<NotificationPreference>().AsNoTracking().FirstOrDefaultAsync(p => p.PatientId == patientId, ct)
            ?? new NotificationPreference { PatientId = patientId };
    }

    public async Task<Result<NotificationPreference>> SaveAsync(Guid patientId, bool emailEnabled, bool visitReminders, bool refillReminders, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct))
        {
            return DomainError.NotFound("The patient");
        }

        var row = await db.Set<NotificationPreference>().FirstOrDefaultAsync(p => p.PatientId == patientId, ct);
        if (row is null)
        {
            row = new NotificationPreference { PatientId = patientId };
            db.Add(row);
        }

        (row.EmailEnabled, row.VisitReminders, row.RefillReminders) = (emailEnabled, visitReminders, refillReminders);
        row.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Applies a signed unsubscribe token; returns what it turned off.</summary>
    public async Task<Result<UnsubscribeScope>> UnsubscribeAsync(string? token, CancellationToken ct = default)
    {
        if (!tokens.TryRead(token, out var patientId, out var scope))
        {
            return new DomainError(ErrorCodes.Validation, "This unsubscribe link is invalid or has expired. Sign in to the portal to change your email settings.");
        }

        var current = await GetAsync(patientId, ct);
        var saved = await SaveAsync(
            patientId,
            current.EmailEnabled && scope != UnsubscribeScope.AllEmail,
            current.VisitReminders && scope != UnsubscribeScope.VisitReminders,
            current.RefillReminders && scope != UnsubscribeScope.RefillReminders,
            ct);
        return saved.Succeeded ? scope : saved.Error!;
    }
}
