using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Domain.Audit;

/// <summary>Reads of the audit log: the admin's filtered pages and export, and a patient's own access report.</summary>
public sealed class AuditTrailService(IDbContextFactory<EmrDbContext> contexts, ClinicCalendar calendar, IAuditLog audit, IOptions<AuditOptions> options)
{
    /// <summary>An export larger than this is refused; narrow the filters (the periodic shipping export goes day by day).</summary>
    public const int MaxExportRows = 100_000;

    public async Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken ct = default)
    {
        await audit.FlushAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var filtered = Filter(db, query);
        var size = Math.Clamp(query.PageSize, 1, AuditQuery.MaxPageSize);
        var rows = await Rows(db, filtered.OrderByDescending(e => e.Id).Skip(Math.Max(query.Page, 0) * size).Take(size)).ToListAsync(ct);
        return new AuditPage(rows, await filtered.CountAsync(ct));
    }

    /// <summary>Every matching row, oldest first, with its hashes so a copy can be checked on its own; the export itself is audited.</summary>
    public async Task<IReadOnlyList<AuditRow>> ExportAsync(AuditQuery query, CancellationToken ct = default)
    {
        await audit.FlushAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await Rows(db, Filter(db, query).OrderBy(e => e.Id).Take(MaxExportRows)).ToListAsync(ct);
        await audit.RecordAsync(AuditAction.Export, "AuditLog", rows.Count == 0 ? null : $"{rows[0].Id}-{rows[^1].Id}", ct: ct);
        return rows;
    }

    /// <summary>Who at the clinic viewed or changed the patient's record over the retention period, newest first.</summary>
    public async Task<AccessReportPage> AccessReportAsync(Guid patientId, int page, int pageSize, CancellationToken ct = default)
    {
        await audit.FlushAsync(ct);
        var since = calendar.UtcNow.AddYears(-options.Value.RetentionYears);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var events = db.AuditEvents.AsNoTracking()
            .Where(e => e.PatientId == patientId && e.OccurredUtc >= since && (e.ActorRole == Roles.Admin || e.ActorRole == Roles.Staff));
        var size = Math.Clamp(pageSize, 1, AuditQuery.MaxPageSize);
        var rows = await events.OrderByDescending(e => e.Id).Skip(Math.Max(page, 0) * size).Take(size)
            .Select(e => new AccessReportRow(
                e.OccurredUtc,
                db.Users.Where(u => u.Id == e.ActorUserId).Select(u => u.DisplayName).FirstOrDefault() ?? e.ActorEmail,
                e.ActorRole,
                e.Action,
                e.EntityType))
            .ToListAsync(ct);
        return new AccessReportPage(rows, await events.CountAsync(ct));
    }

    private IQueryable<AuditEvent> Filter(EmrDbContext db, AuditQuery query)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (query.Action is { } action)
        {
            events = events.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var user = query.User.Trim().ToUpperInvariant();
            events = events.Where(e => e.ActorEmail.ToUpper().Contains(user) || e.ActorUserId == query.User.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.Patient))
        {
            var patient = query.Patient.Trim();
            if (Guid.TryParse(patient, out var patientId))
            {
                events = events.Where(e => e.PatientId == patientId);
            }
            else
            {
                var key = patient.ToUpperInvariant();
                var ids = db.Patients.Where(p => p.NormalizedName.Contains(key) || p.NormalizedEmail.Contains(key)).Select(p => (Guid?)p.Id);
                events = events.Where(e => ids.Contains(e.PatientId));
            }
        }

        if (query.From is { } from)
        {
            var fromUtc = calendar.StartOfDayUtc(from);
            events = events.Where(e => e.OccurredUtc >= fromUtc);
        }

        if (query.To is { } to)
        {
            var untilUtc = calendar.StartOfDayUtc(to.AddDays(1));
            events = events.Where(e => e.OccurredUtc < untilUtc);
        }

        return events;
    }

    private static IQueryable<AuditRow> Rows(EmrDbContext db, IQueryable<AuditEvent> events) =>
        events.Select(e => new AuditRow(
            e.Id, e.OccurredUtc, e.ActorUserId, e.ActorEmail, e.ActorRole, e.ClientAddress, e.Channel, e.Action, e.EntityType, e.EntityId,
            e.PatientId, db.Patients.Where(p => p.Id == e.PatientId).Select(p => p.Name).FirstOrDefault(), e.ChangedFields, e.CorrelationId,
            e.PreviousHash, e.Hash));
}
