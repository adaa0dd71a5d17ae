using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Appointments;

/// <summary>
/// Staff scheduling of appointment series. A series is written with all its visits up to the rolling horizon
/// in one transaction, or not at all. No slot lock is taken: a series spans dozens of slots, so the filtered
/// unique indexes are the guard, and their refusal is reported as the conflict it is, never thrown.
/// </summary>
public sealed class SeriesService(
    IDbContextFactory<EmrDbContext> contexts,
    VisitPlanner planner,
    ClinicCalendar calendar,
    IChangePublisher changes)
{
    /// <summary>Creates the series and its visits up to the horizon; returns the series id. Nothing is written when any visit is refused.</summary>
    public async Task<Result<Guid>> CreateAsync(SeriesInput input, CancellationToken ct = default)
    {
        if (SeriesChecks.Notes(input.Notes) is { } badNotes)
        {
            return badNotes;
        }

        if (!Enum.IsDefined(input.Repeat))
        {
            return DomainError.Validation("repeat", "Choose how the series repeats.");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var patientName = await db.Patients.Where(p => p.Id == input.PatientId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (patientName is null)
        {
            return DomainError.NotFound("The patient");
        }

        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.ProviderId, ct);
        if (provider is null)
        {
            return DomainError.NotFound("The provider");
        }

        var firstLocal = DateTime.SpecifyKind(input.FirstStartLocal, DateTimeKind.Unspecified);
        var startUtc = calendar.ToUtc(firstLocal);
        if (BookingRules.Validate(provider, startUtc, calendar, enforceBookingHorizon: false) is { } invalid)
        {
            return invalid;
        }

        if (SeriesChecks.EndDate(input.EndDate, firstLocal) is { } badEnd)
        {
            return badEnd;
        }

        var series = new AppointmentSeries
        {
            PatientId = input.PatientId,
            ProviderId = provider.Id,
            FirstStartLocal = firstLocal,
            Repeat = input.Repeat,
            EndDate = input.EndDate,
            Notes = SeriesChecks.CleanNotes(input.Notes),
            Status = SeriesStatus.Active,
        };
        var firstEnd = startUtc.Add(calendar.Slot);
        series.MaterializedUntilUtc = input.Repeat == RepeatKind.None || planner.HorizonUtc() < firstEnd ? firstEnd : planner.HorizonUtc();
        var planned = planner.Plan(series, startUtc, series.MaterializedUntilUtc).ToList();
        var starts = planned.Select(v => v.StartUtc).ToList();
        if (SeriesChecks.OutsideHours(provider, starts, calendar) is { } outside)
        {
            return outside;
        }

        DomainError? conflict = null;
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                // The check and the writes share one transaction (SQLite: BEGIN IMMEDIATE, so writers queue),
                // as for a single booking; the unique indexes still refuse anything that slips past.
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                conflict = await SeriesChecks.ConflictAsync(db, input.PatientId, patientName, provider, starts, [], calendar, ct);
                if (conflict is not null)
                {
                    return;
                }

                db.AppointmentSeries.Add(series);
                db.Visits.AddRange(planned);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            });
        }
        catch (DbUpdateException)
        {
            // Someone took one of the slots after the check; the unique indexes refused the whole series.
            await using var fresh = await contexts.CreateDbContextAsync(ct);
            return await SeriesChecks.ConflictAsync(fresh, input.PatientId, patientName, provider, starts, [], calendar, ct)
                ?? new DomainError(ErrorCodes.ProviderConflict, $"{provider.Name} was booked at one of these times meanwhile. Try again.");
        }

        if (conflict is not null)
        {
            return conflict;
        }

        await PublishAsync(series.PatientId, series.ProviderId, starts, ct);
        return series.Id;
    }

    /// <summary>
    /// Ends the series after <paramref name="lastDay"/>: its visits after that date (and from now) are cancelled,
    /// earlier ones stay as history. The series reads as Ended at once when the last day is today or earlier;
    /// a single booking whose only visit this cancels reads as Cancelled. Returns how many visits were cancelled.
    /// </summary>
    public async Task<Result<int>> EndAsync(Guid seriesId, DateOnly lastDay, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var series = await db.AppointmentSeries.FirstOrDefaultAsync(s => s.Id == seriesId, ct);
        if (series is null)
        {
            return DomainError.NotFound("The series");
        }

        if (series.Status != SeriesStatus.Active)
        {
            return DomainError.Validation(SeriesChecks.EndDateField, "This series has already ended.");
        }

        series.EndDate = series.EndDate < lastDay ? series.EndDate : lastDay;
        if (lastDay <= calendar.Today)
        {
            series.Status = SeriesStatus.Ended;
        }

        var cancelled = await CancelFromAsync(db, series, lastDay.AddDays(1), ct);
        var ids = cancelled.Select(v => v.Id).ToList();
        if (series.Repeat == RepeatKind.None && !await db.Visits.AnyAsync(v => v.SeriesId == series.Id && v.Status != VisitStatus.Cancelled && !ids.Contains(v.Id), ct))
        {
            series.Status = SeriesStatus.Cancelled;
        }

        return await SaveAsync(db, series, cancelled.Select(v => v.StartUtc), cancelled.Count, ct);
    }

    /// <summary>Changes notes and the end date. A shorter end cancels the visits after it; a longer one adds the missing visits up to the horizon, with the same checks as a new series.</summary>
    public async Task<Result<Guid>> UpdateAsync(Guid seriesId, SeriesEdit edit, Guid expectedVersion, CancellationToken ct = default)
    {
        if (SeriesChecks.Notes(edit.Notes) is { } badNotes)
        {
            return badNotes;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var series = await db.AppointmentSeries.Include(s => s.Provider).Include(s => s.Patient).FirstOrDefaultAsync(s => s.Id == seriesId, ct);
        if (series is null)
        {
            return DomainError.NotFound("The series");
        }

        if (series.Version != expectedVersion)
        {
            return DomainError.Stale("The series");
        }

        if (SeriesChecks.EndDate(edit.EndDate, series.FirstStartLocal) is { } badEnd)
        {
            return badEnd;
        }

        series.Notes = SeriesChecks.CleanNotes(edit.Notes);
        var touched = new List<DateTime>();
        if (edit.EndDate != series.EndDate)
        {
            var shorter = edit.EndDate is { } newEnd && (series.EndDate is null || newEnd < series.EndDate);
            series.EndDate = edit.EndDate;
            if (shorter)
            {
                touched.AddRange((await CancelFromAsync(db, series, edit.EndDate!.Value.AddDays(1), ct)).Select(v => v.StartUtc));
            }
            else
            {
                var added = await AddMissingVisitsAsync(db, series, ct);
                if (!added.Succeeded)
                {
                    return added.Error!;
                }

                touched.AddRange(added.Value!);
            }

            if (series.Status != SeriesStatus.Cancelled)
            {
                series.Status = series.EndDate is null || series.EndDate >= calendar.Today ? SeriesStatus.Active : SeriesStatus.Ended;
            }
        }

        db.Entry(series).Property(s => s.Version).IsModified = true;
        var saved = await SaveAsync(db, series, touched, 0, ct);
        return saved.Succeeded ? series.Version : saved.Error!;
    }

    /// <summary>
    /// Marks the series entered in error instead of deleting it: it ends, its upcoming visits are cancelled and its
    /// past visits stay as history. Returns how many visits were cancelled.
    /// </summary>
    public async Task<Result<int>> MarkEnteredInErrorAsync(Guid seriesId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var series = await db.AppointmentSeries.FirstOrDefaultAsync(s => s.Id == seriesId, ct);
        if (series is null)
        {
            return DomainError.NotFound("The series");
        }

        if (series.EnteredInErrorUtc is not null)
        {
            return 0;
        }

        var cancelled = await CancelFromAsync(db, series, calendar.Today, ct);
        series.EnteredInErrorUtc = calendar.UtcNow;
        series.Status = SeriesStatus.Ended;
        return await SaveAsync(db, series, cancelled.Select(v => v.StartUtc), cancelled.Count, ct);
    }

    private async Task<List<Visit>> CancelFromAsync(EmrDbContext db, AppointmentSeries series, DateOnly from, CancellationToken ct)
    {
        var now = calendar.UtcNow;
        var fromUtc = calendar.StartOfDayUtc(from);
        var cutoff = fromUtc > now ? fromUtc : now;
        var doomed = await db.Visits.Where(v => v.SeriesId == series.Id && v.Status == VisitStatus.Scheduled && v.StartUtc >= cutoff).ToListAsync(ct);
        foreach (var visit in doomed)
        {
            visit.Status = VisitStatus.Cancelled;
            visit.CancelledUtc = now;
            visit.CancelledBy = "Clinic";
            visit.CancelReason = "The series ended.";
        }

        return doomed;
    }

    /// <summary>
    /// Occurrences from now to the materialised horizon that have no row yet. Occurrences that still have a row
    /// (a visit cancelled earlier, say) are left as they are: the admin cancelled those on purpose.
    /// </summary>
    private async Task<Result<List<DateTime>>> AddMissingVisitsAsync(EmrDbContext db, AppointmentSeries series, CancellationToken ct)
    {
        var existing = await db.Visits.Where(v => v.SeriesId == series.Id).Select(v => v.OccurrenceUtc).ToListAsync(ct);
        var missing = planner.Plan(series, calendar.UtcNow, series.MaterializedUntilUtc).Where(v => !existing.Contains(v.OccurrenceUtc)).ToList();
        var starts = missing.Select(v => v.StartUtc).ToList();
        if ((SeriesChecks.OutsideHours(series.Provider!, starts, calendar)
            ?? await SeriesChecks.ConflictAsync(db, series.PatientId, series.Patient!.Name, series.Provider!, starts, [], calendar, ct)) is { } refused)
        {
            return refused;
        }

        db.Visits.AddRange(missing);
        return starts;
    }

    private async Task<Result<int>> SaveAsync(EmrDbContext db, AppointmentSeries series, IEnumerable<DateTime> touchedUtc, int count, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DomainError.Stale("The series");
        }
        catch (DbUpdateException)
        {
            return new DomainError(ErrorCodes.ProviderConflict, "One of the added visits was booked by someone else meanwhile. Reload and try again.");
        }

        await PublishAsync(series.PatientId, series.ProviderId, touchedUtc, ct);
        return count;
    }

    private Task PublishAsync(Guid patientId, Guid providerId, IEnumerable<DateTime> startsUtc, CancellationToken ct) =>
        changes.PublishAsync(new EmrChange(ChangeKind.Visits, patientId, providerId, [.. startsUtc.Select(s => DateOnly.FromDateTime(calendar.ToLocal(s))).Distinct()]), ct);
}
