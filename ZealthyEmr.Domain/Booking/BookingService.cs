using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Booking;

/// <summary>
/// The one booking path for the patient portal, the admin portal and the API: validate, lock the slot,
/// then check and write in one transaction, with the unique indexes as the final guard.
/// </summary>
public sealed class BookingService(
    IDbContextFactory<EmrDbContext> contexts,
    ProviderCache providers,
    SlotLocker locker,
    ClinicCalendar calendar,
    IChangePublisher changes,
    ILogger<BookingService> logger)
{
    public Task<Result<BookedVisit>> BookAsync(Guid patientId, Guid providerId, DateTime startUtc, CancellationToken ct = default) =>
        BookAsync(patientId, providerId, startUtc, reason: null, ct);

    /// <summary>Books a single visit; <paramref name="reason"/> (optional, up to 500 characters) is shown to staff.</summary>
    public async Task<Result<BookedVisit>> BookAsync(Guid patientId, Guid providerId, DateTime startUtc, string? reason, CancellationToken ct = default)
    {
        if (VisitRules.Reason(reason) is { } badReason)
        {
            return badReason;
        }

        startUtc = startUtc.Kind == DateTimeKind.Local ? startUtc.ToUniversalTime() : DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        var timings = new BookingTimings();
        var provider = await providers.GetAsync(providerId, ct);
        timings.ProviderMs = timings.Lap();
        if (provider is null)
        {
            return Decide(DomainError.NotFound("The provider"), providerId, startUtc, patientId, timings);
        }

        if (BookingRules.Validate(provider, startUtc, calendar) is { } invalid)
        {
            return Decide(invalid, providerId, startUtc, patientId, timings);
        }

        var (handle, state) = await locker.TryTakeAsync(providerId, startUtc, ct);
        timings.LockMs = timings.Lap();
        Result<BookedVisit> result;
        try
        {
            result = state == LockState.Busy
                ? await FindOwnAsync(patientId, provider, startUtc, ct) ?? SlotLocked()
                : await WriteAsync(patientId, provider, startUtc, VisitRules.Clean(reason), timings, ct);
        }
        catch
        {
            await locker.ReleaseAsync(handle);
            throw;
        }

        timings.Lap();
        // The change's publish and the lock's release are independent Redis commands: sent together they share one round
        // trip, where one after the other they cost a booking two (each one a wait for a busy core, under load). The
        // publish only tells pages to read again what has committed, so which of the two Redis sees first does not matter.
        var published = result is { Succeeded: true, Value.AlreadyBooked: false }
            ? changes.PublishAsync(new EmrChange(ChangeKind.Visits, patientId, providerId, [DateOnly.FromDateTime(calendar.ToLocal(startUtc))]), ct)
            : null;
        await locker.ReleaseAsync(handle);
        timings.ReleaseMs = timings.Lap();
        if (published is not null)
        {
            await published;
            timings.PublishMs = timings.Lap();
        }

        return Decide(result, providerId, startUtc, patientId, timings);
    }

    private async Task<Result<BookedVisit>> WriteAsync(Guid patientId, Provider provider, DateTime startUtc, string? reason, BookingTimings timings, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async () =>
            {
                timings.Lap();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                timings.BeginMs = timings.Lap();
                var known = await CheckSlotAsync(db, patientId, provider, startUtc, ct);
                timings.CheckMs = timings.Lap();
                if (known is { } holder)
                {
                    return holder;
                }

                var series = new AppointmentSeries
                {
                    PatientId = patientId,
                    ProviderId = provider.Id,
                    FirstStartLocal = calendar.ToLocal(startUtc),
                    Repeat = RepeatKind.None,
                    Status = SeriesStatus.Active,
                    MaterializedUntilUtc = startUtc.Add(calendar.Slot),
                };
                var visit = new Visit { SeriesId = series.Id, PatientId = patientId, ProviderId = provider.Id, StartUtc = startUtc, OccurrenceUtc = startUtc, Reason = reason };
                db.AppointmentSeries.Add(series);
                db.Visits.Add(visit);
                await db.SaveChangesAsync(ct);
                timings.SaveMs = timings.Lap();
                await tx.CommitAsync(ct);
                timings.CommitMs = timings.Lap();
                return Result<BookedVisit>.Ok(new BookedVisit(visit.Id, series.Id, patientId, provider.Id, provider.Name, startUtc, AlreadyBooked: false, series.Version));
            });
        }
        catch (DbUpdateException)
        {
            // The unique indexes refused it (a lock expired, or Redis was down): say who holds the slot.
            await using var fresh = await contexts.CreateDbContextAsync(ct);
            return await CheckSlotAsync(fresh, patientId, provider, startUtc, ct) ?? Conflict(ErrorCodes.ProviderConflict, provider, startUtc);
        }
    }

    /// <summary>Null when the slot is free for this patient; otherwise the outcome the holder implies.</summary>
    private async Task<Result<BookedVisit>?> CheckSlotAsync(EmrDbContext db, Guid patientId, Provider provider, DateTime startUtc, CancellationToken ct)
    {
        var holders = await SlotHolderQueries.ReadAsync(db, startUtc, patientId, provider.Id, ct);

        var own = holders.FirstOrDefault(v => v.PatientId == patientId);
        if (own is not null)
        {
            return own.ProviderId == provider.Id
                ? Result<BookedVisit>.Ok(new BookedVisit(own.Id, own.SeriesId, patientId, provider.Id, provider.Name, startUtc, AlreadyBooked: true))
                : Result<BookedVisit>.Fail(Conflict(ErrorCodes.UserConflict, provider, startUtc));
        }

        return holders.Count > 0 ? Result<BookedVisit>.Fail(Conflict(ErrorCodes.ProviderConflict, provider, startUtc)) : (Result<BookedVisit>?)null;
    }

    private async Task<Result<BookedVisit>?> FindOwnAsync(Guid patientId, Provider provider, DateTime startUtc, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var result = await CheckSlotAsync(db, patientId, provider, startUtc, ct);
        return result is { Succeeded: true } ? result : (Result<BookedVisit>?)null;
    }

    private DomainError Conflict(string code, Provider provider, DateTime startUtc)
    {
        var when = calendar.ToLocal(startUtc).ToString("dddd, MMMM d 'at' HH:mm");
        return code == ErrorCodes.UserConflict
            ? new DomainError(code, $"You already have a visit on {when}.")
            : new DomainError(code, $"{provider.Name} is already booked on {when}.");
    }

    private static DomainError SlotLocked() =>
        new(ErrorCodes.SlotLocked, "Someone else is booking this time right now. Pick another time, or try again in a few seconds.");

    private Result<BookedVisit> Decide(Result<BookedVisit> result, Guid providerId, DateTime startUtc, Guid patientId, BookingTimings t)
    {
        var outcome = result.Error?.Code ?? (result.Value!.AlreadyBooked ? "ALREADY_BOOKED" : "BOOKED");
        BookingLog.Decision(logger, outcome, providerId, startUtc, patientId, t.ProviderMs, t.LockMs, t.BeginMs, t.CheckMs, t.SaveMs, t.CommitMs, t.ReleaseMs, t.PublishMs);
        return result;
    }
}
