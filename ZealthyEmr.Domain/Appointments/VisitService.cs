using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Appointments;

public sealed class VisitService(IDbContextFactory<EmrDbContext> contexts, ClinicCalendar calendar, IChangePublisher changes)
{
    /// <summary>
    /// Cancels one upcoming visit and frees its slot at once; the rest of its series is untouched.
    /// With <paramref name="asPatientId"/> only that patient's own visits can be cancelled.
    /// </summary>
    public async Task<Result<Guid>> CancelAsync(Guid visitId, Guid? asPatientId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == visitId && (asPatientId == null || v.PatientId == asPatientId), ct);
        if (visit is null)
        {
            return DomainError.NotFound("The visit");
        }

        if (visit.Status != VisitStatus.Scheduled)
        {
            return DomainError.Validation("visit", "Only a scheduled visit can be cancelled.");
        }

        if (visit.StartUtc <= calendar.UtcNow)
        {
            return DomainError.Validation("visit", "A visit that has already started cannot be cancelled.");
        }

        visit.Status = VisitStatus.Cancelled;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DomainError.Stale("The visit");
        }

        await changes.PublishAsync(new EmrChange(ChangeKind.Visits, visit.PatientId, visit.ProviderId, [DateOnly.FromDateTime(calendar.ToLocal(visit.StartUtc))]), ct);
        return visit.Id;
    }
}
