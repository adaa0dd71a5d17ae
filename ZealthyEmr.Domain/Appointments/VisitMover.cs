using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Appointments;

/// <summary>
/// Moves one visit. Its <see cref="Visit.OccurrenceUtc"/> stays put, so re-expanding the series never brings
/// the original slot back, and the rest of the series is untouched.
/// </summary>
internal static class VisitMover
{
    public static async Task<Result<Guid>> MoveAsync(
        IDbContextFactory<EmrDbContext> contexts, ClinicCalendar calendar, IChangePublisher changes, Guid visitId, DateTime newStartLocal, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var visit = await db.Visits.Include(v => v.Provider).Include(v => v.Patient).FirstOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null)
        {
            return DomainError.NotFound("The visit");
        }

        if (visit.Status != VisitStatus.Scheduled || visit.StartUtc <= calendar.UtcNow)
        {
            return DomainError.Validation("visit", "Only an upcoming scheduled visit can be moved.");
        }

        var provider = visit.Provider!;
        var oldStart = visit.StartUtc;
        var newStart = calendar.ToUtc(newStartLocal);
        if (newStart == oldStart)
        {
            return visit.Id;
        }

        if ((BookingRules.Validate(provider, newStart, calendar, enforceBookingHorizon: false)
            ?? await SeriesChecks.ConflictAsync(db, visit.PatientId, visit.Patient!.Name, provider, [newStart], visit.Id, calendar, ct)) is { } refused)
        {
            return refused;
        }

        visit.StartUtc = newStart;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DomainError.Stale("The visit");
        }
        catch (DbUpdateException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(ct);
            return await SeriesChecks.ConflictAsync(fresh, visit.PatientId, visit.Patient!.Name, provider, [newStart], visit.Id, calendar, ct)
                ?? new DomainError(ErrorCodes.ProviderConflict, $"{provider.Name} was booked at that time meanwhile. Pick another time.");
        }

        var days = new[] { oldStart, newStart }.Select(s => DateOnly.FromDateTime(calendar.ToLocal(s))).Distinct().ToList();
        await changes.PublishAsync(new EmrChange(ChangeKind.Visits, visit.PatientId, visit.ProviderId, days), ct);
        return visit.Id;
    }
}
