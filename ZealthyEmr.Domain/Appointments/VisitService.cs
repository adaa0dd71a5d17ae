using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Appointments;

/// <summary>
/// One visit's workflow: Scheduled → CheckedIn → Completed, or NoShow, or Cancelled. Every change is an ordinary
/// tracked update of the visit row, so SaveChanges interceptors (audit, notifications) see it.
/// </summary>
public sealed class VisitService(IDbContextFactory<EmrDbContext> contexts, ClinicCalendar calendar, IChangePublisher changes)
{
    private const string VisitField = "visit";

    /// <summary>
    /// Cancels one upcoming visit and frees its slot at once; the rest of its series is untouched.
    /// With <paramref name="asPatientId"/> only that patient's own visits can be cancelled.
    /// </summary>
    public Task<Result<Guid>> CancelAsync(Guid visitId, Guid? asPatientId, CancellationToken ct = default) =>
        CancelAsync(visitId, asPatientId, new VisitCancellation(asPatientId is null ? "Clinic" : "Patient", null), ct);

    /// <summary>
    /// Cancels one upcoming visit, recording who, when and why. Cancelling the only remaining visit of a
    /// single booking cancels the booking itself, so it never lingers as an empty appointment.
    /// </summary>
    public async Task<Result<Guid>> CancelAsync(Guid visitId, Guid? asPatientId, VisitCancellation cancellation, CancellationToken ct = default)
    {
        if (VisitRules.Reason(cancellation.Reason) is { } badReason)
        {
            return badReason;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var visit = await db.Visits.Include(v => v.Series).FirstOrDefaultAsync(v => v.Id == visitId && (asPatientId == null || v.PatientId == asPatientId), ct);
        if (visit is null)
        {
            return DomainError.NotFound("The visit");
        }

        if (visit.Status != VisitStatus.Scheduled)
        {
            return DomainError.Validation(VisitField, "Only a scheduled visit can be cancelled.");
        }

        if (visit.StartUtc <= calendar.UtcNow)
        {
            return DomainError.Validation(VisitField, "A visit that has already started cannot be cancelled.");
        }

        visit.Status = VisitStatus.Cancelled;
        visit.CancelledUtc = calendar.UtcNow;
        visit.CancelledBy = VisitRules.Clean(cancellation.By) ?? "Clinic";
        visit.CancelReason = VisitRules.Clean(cancellation.Reason);
        var series = visit.Series!;
        if (series.Repeat == RepeatKind.None
            && !await db.Visits.AnyAsync(v => v.SeriesId == series.Id && v.Id != visit.Id && v.Status != VisitStatus.Cancelled, ct))
        {
            series.Status = SeriesStatus.Cancelled;
        }

        return await SaveAsync(db, visit, ct);
    }

    /// <summary>The patient has arrived: allowed on the visit's clinic day, before it is completed.</summary>
    public async Task<Result<Guid>> CheckInAsync(Guid visitId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null)
        {
            return DomainError.NotFound("The visit");
        }

        if (visit.Status != VisitStatus.Scheduled)
        {
            return DomainError.Validation(VisitField, $"Only a scheduled visit can be checked in; this one is {Describe(visit.Status)}.");
        }

        if (DateOnly.FromDateTime(calendar.ToLocal(visit.StartUtc)) != calendar.Today)
        {
            return DomainError.Validation(VisitField, "Patients are checked in on the day of their visit.");
        }

        visit.Status = VisitStatus.CheckedIn;
        visit.CheckedInUtc = calendar.UtcNow;
        return await SaveAsync(db, visit, ct);
    }

    /// <summary>Marks a visit as held: a checked-in one at any time, a scheduled one once its time has come.</summary>
    public Task<Result<Guid>> CompleteAsync(Guid visitId, CancellationToken ct = default) =>
        CloseAsync(visitId, VisitStatus.Completed, ct);

    /// <summary>The patient did not come: only for a scheduled visit whose time has come.</summary>
    public Task<Result<Guid>> MarkNoShowAsync(Guid visitId, CancellationToken ct = default) =>
        CloseAsync(visitId, VisitStatus.NoShow, ct);

    private async Task<Result<Guid>> CloseAsync(Guid visitId, VisitStatus to, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null)
        {
            return DomainError.NotFound("The visit");
        }

        var allowed = to == VisitStatus.Completed
            ? visit.Status == VisitStatus.CheckedIn || (visit.Status == VisitStatus.Scheduled && visit.StartUtc <= calendar.UtcNow)
            : visit.Status == VisitStatus.Scheduled && visit.StartUtc <= calendar.UtcNow;
        if (!allowed)
        {
            return DomainError.Validation(VisitField, visit.Status is VisitStatus.Scheduled
                ? $"A visit can be marked {Describe(to)} once its time has come."
                : $"This visit is already {Describe(visit.Status)}.");
        }

        visit.Status = to;
        return await SaveAsync(db, visit, ct);
    }

    private async Task<Result<Guid>> SaveAsync(EmrDbContext db, Visit visit, CancellationToken ct)
    {
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

    public static string Describe(VisitStatus status) => status switch
    {
        VisitStatus.CheckedIn => "checked in",
        VisitStatus.NoShow => "a no-show",
        _ => status.ToString().ToLowerInvariant(),
    };
}
