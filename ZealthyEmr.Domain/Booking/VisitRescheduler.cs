using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Booking;

/// <summary>
/// Moves one upcoming visit to another slot, for a patient (their own visit) or the front desk (any provider).
/// The move is one update of the visit row under the new slot's lock and in one transaction, so the old slot
/// is freed only if the new one is taken. <see cref="Visit.OccurrenceUtc"/> stays put, so re-expanding a series
/// never brings the original slot back.
/// </summary>
public sealed class VisitRescheduler(
    IDbContextFactory<EmrDbContext> contexts,
    ProviderCache providers,
    SlotLocker locker,
    ClinicCalendar calendar,
    IChangePublisher changes)
{
    public async Task<Result<Guid>> MoveAsync(VisitMove move, CancellationToken ct = default)
    {
        var newStart = DateTime.SpecifyKind(move.NewStartUtc, DateTimeKind.Utc);
        var provider = await providers.GetAsync(move.ProviderId, ct);
        if (provider is null)
        {
            return DomainError.NotFound("The provider");
        }

        if (BookingRules.Validate(provider, newStart, calendar, enforceBookingHorizon: move.AsPatientId is not null) is { } invalid)
        {
            return invalid;
        }

        var (handle, state) = await locker.TryTakeAsync(provider.Id, newStart, ct);
        try
        {
            return state == LockState.Busy
                ? new DomainError(ErrorCodes.SlotLocked, "Someone else is booking this time right now. Pick another time, or try again in a few seconds.")
                : await WriteAsync(move, provider, newStart, ct);
        }
        finally
        {
            await locker.ReleaseAsync(handle);
        }
    }

    private async Task<Result<Guid>> WriteAsync(VisitMove move, Provider provider, DateTime newStart, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        (Guid PatientId, Guid OldProviderId, DateTime OldStart)? moved = null;
        DomainError? refused = null;
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var visit = await db.Visits.Include(v => v.Patient).Include(v => v.Series)
                    .FirstOrDefaultAsync(v => v.Id == move.VisitId && (move.AsPatientId == null || v.PatientId == move.AsPatientId), ct);
                refused = visit is null ? DomainError.NotFound("The visit")
                    : visit.Status != VisitStatus.Scheduled || visit.StartUtc <= calendar.UtcNow ? DomainError.Validation("visit", "Only an upcoming scheduled visit can be moved.")
                    : null;
                if (refused is not null || (visit!.StartUtc == newStart && visit.ProviderId == provider.Id))
                {
                    return;
                }

                refused = await SeriesChecks.ConflictAsync(db, visit.PatientId, visit.Patient!.Name, provider, [newStart], [visit.Id], calendar, ct);
                if (refused is not null)
                {
                    return;
                }

                moved = (visit.PatientId, visit.ProviderId, visit.StartUtc);
                visit.StartUtc = newStart;
                visit.ProviderId = provider.Id;
                if (visit.Series!.Repeat == RepeatKind.None)
                {
                    // A single booking is its visit: the appointment follows it.
                    visit.Series.ProviderId = provider.Id;
                    visit.Series.FirstStartLocal = calendar.ToLocal(newStart);
                    visit.Series.MaterializedUntilUtc = newStart.Add(calendar.Slot);
                }

                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            return DomainError.Stale("The visit");
        }
        catch (DbUpdateException)
        {
            return new DomainError(ErrorCodes.ProviderConflict, $"{provider.Name} was booked at that time meanwhile. Pick another time.");
        }

        if (refused is not null)
        {
            return refused;
        }

        if (moved is { } m)
        {
            var days = new[] { m.OldStart, newStart }.Select(s => DateOnly.FromDateTime(calendar.ToLocal(s))).Distinct().ToList();
            await changes.PublishAsync(new EmrChange(ChangeKind.Visits, m.PatientId, m.OldProviderId == provider.Id ? provider.Id : null, days), ct);
        }

        return move.VisitId;
    }
}
