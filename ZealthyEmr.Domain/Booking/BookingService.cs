using System.Diagnostics;
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
        var provider = await providers.GetAsync(providerId, ct);
        if (provider is null)
        {
            return Decide(DomainError.NotFound("The provider"), providerId, startUtc, patientId, default, default);
        }

        if (BookingRules.Validate(provider, startUtc, calendar) is { } invalid)
        {
            return Decide(invalid, providerId, startUtc, patientId, default, default);
        }

        var lockWatch = Stopwatch.StartNew();
        var (handle, state) = await locker.TryTakeAsync(providerId, startUtc, ct);
        var lockWait = lockWatch.Elapsed;
        Result<BookedVisit> result;
        var txWatch = Stopwatch.StartNew();
        try
        {
            result = state == LockState.Busy
                ? await FindOwnAsync(patientId, provider, startUtc, ct) ?? SlotLocked()
                : await WriteAsync(patientId, provider, startUtc, VisitRules.Clean(reason), ct);
        }
        finally
        {
            await locker.ReleaseAsync(handle);
        }

        var outcome = Decide(result, providerId, startUtc, patientId, lockWait, txWatch.Elapsed);
        if (result is { Succeeded: true, Value.AlreadyBooked: false })
        {
            await changes.PublishAsync(new EmrChange(ChangeKind.Visits, patientId, providerId, [DateOnly.FromDateTime(calendar.ToLocal(startUtc))]), ct);
        }

        return outcome;
    }

    private async Task<Result<BookedVisit>> WriteAsync(Guid patientId, Provider provider, DateTime startUtc, string? reason, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                if (await CheckSlotAsync(db, patientId, provider, startUtc, ct) is { } known)
                {
                    return known;
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
                await tx.CommitAsync(ct);
                return Result<BookedVisit>.Ok(new BookedVisit(visit.Id, series.Id, patientId, provider.Id, provider.Name, startUtc, AlreadyBooked: false));
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
        var holders = await db.Visits.AsNoTracking()
            .Where(v => v.StartUtc == startUtc && v.Status != VisitStatus.Cancelled && (v.PatientId == patientId || v.ProviderId == provider.Id))
            .Select(v => new { v.Id, v.SeriesId, v.PatientId, v.ProviderId })
            .ToListAsync(ct);

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

    private Result<BookedVisit> Decide(Result<BookedVisit> result, Guid providerId, DateTime startUtc, Guid patientId, TimeSpan lockWait, TimeSpan transaction)
    {
        var outcome = result.Error?.Code ?? (result.Value!.AlreadyBooked ? "ALREADY_BOOKED" : "BOOKED");
        BookingLog.Decision(logger, outcome, providerId, startUtc, patientId, lockWait.TotalMilliseconds, transaction.TotalMilliseconds);
        return result;
    }
}
