using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Appointments;

/// <summary>
/// Edits a series from a chosen date forward: time, provider, repeat and end date. Visits before that date stay
/// as history (a visit moved earlier than it stays where it was moved); the series' upcoming scheduled visits from
/// that date are replaced by the new plan, checked as a new series is. Any refusal names its first date and
/// nothing is written: the removal and the new visits share one transaction.
/// </summary>
public sealed class SeriesReplanner(IDbContextFactory<EmrDbContext> contexts, VisitPlanner planner, ClinicCalendar calendar, IChangePublisher changes)
{
    private const string FromField = "from";

    public async Task<Result<Guid>> EditFromAsync(Guid seriesId, SeriesChange change, CancellationToken ct = default)
    {
        if (change.From < calendar.Today)
        {
            return DomainError.Validation(FromField, "Past visits are history; choose today or a later date to change from.");
        }

        if (!Enum.IsDefined(change.Repeat) || change.Repeat == RepeatKind.None)
        {
            return DomainError.Validation("repeat", "A series repeats weekly or monthly.");
        }

        if (change.EndDate < change.From)
        {
            return DomainError.Validation(SeriesChecks.EndDateField, "The end date cannot be before the date the change starts.");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var series = await db.AppointmentSeries.Include(s => s.Patient).FirstOrDefaultAsync(s => s.Id == seriesId, ct);
        if (series is null)
        {
            return DomainError.NotFound("The series");
        }

        if (series.Version != change.Version)
        {
            return DomainError.Stale("The series");
        }

        if (series.Status != SeriesStatus.Active)
        {
            return DomainError.Validation(FromField, "Only an active series can be changed.");
        }

        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == change.ProviderId, ct);
        if (provider is null)
        {
            return DomainError.NotFound("The provider");
        }

        var firstLocal = change.From.ToDateTime(change.Time);
        var firstUtc = calendar.ToUtc(firstLocal);
        if (BookingRules.Validate(provider, firstUtc, calendar, enforceBookingHorizon: false) is { } invalid)
        {
            return invalid;
        }

        var oldProviderId = series.ProviderId;
        var cutoff = Max(calendar.StartOfDayUtc(change.From), calendar.UtcNow);
        var replaced = await db.Visits
            .Where(v => v.SeriesId == series.Id && v.Status == VisitStatus.Scheduled && v.StartUtc >= cutoff)
            .ToListAsync(ct);
        // A visit moved before the cut whose occurrence lies after it already stands for that day's occurrence.
        var movedEarlier = (await db.Visits.Where(v => v.SeriesId == series.Id && v.StartUtc < cutoff && v.OccurrenceUtc >= cutoff).Select(v => v.OccurrenceUtc).ToListAsync(ct))
            .Select(o => DateOnly.FromDateTime(calendar.ToLocal(o))).ToHashSet();

        series.ProviderId = provider.Id;
        series.FirstStartLocal = firstLocal;
        series.Repeat = change.Repeat;
        series.EndDate = change.EndDate;
        series.MaterializedUntilUtc = Max(planner.HorizonUtc(), firstUtc.Add(calendar.Slot));
        var planned = planner.Plan(series, firstUtc, series.MaterializedUntilUtc)
            .Where(v => !movedEarlier.Contains(DateOnly.FromDateTime(calendar.ToLocal(v.OccurrenceUtc)))).ToList();
        var starts = planned.Select(v => v.StartUtc).ToList();
        var ignore = replaced.Select(v => v.Id).ToList();
        if (SeriesChecks.OutsideHours(provider, starts, calendar) is { } outside)
        {
            return outside;
        }

        DomainError? refused = null;
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                refused = await SeriesChecks.ConflictAsync(db, series.PatientId, series.Patient!.Name, provider, starts, ignore, calendar, ct);
                if (refused is not null)
                {
                    return;
                }

                // Removed first, in its own statement batch, so the new visits never meet the old ones in the unique indexes.
                db.Visits.RemoveRange(replaced);
                await db.SaveChangesAsync(ct);
                db.Visits.AddRange(planned);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            return DomainError.Stale("The series");
        }
        catch (DbUpdateException)
        {
            return new DomainError(ErrorCodes.ProviderConflict, "One of the new visits was booked by someone else meanwhile. Reload and try again.");
        }

        if (refused is not null)
        {
            return refused;
        }

        var days = replaced.Select(v => v.StartUtc).Concat(starts).Select(s => DateOnly.FromDateTime(calendar.ToLocal(s))).Distinct().ToList();
        await changes.PublishAsync(new EmrChange(ChangeKind.Visits, series.PatientId, oldProviderId == provider.Id ? provider.Id : null, days), ct);
        return series.Version;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
