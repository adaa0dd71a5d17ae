using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// Writes the emails of claimed change drafts (<see cref="ChangeDraft"/>): the patient's name and address, the
/// providers' and medications' names, looked up once per batch; then stores each written email on its row under
/// the claim, in one transaction, so a retry or a resend sends exactly what was written the first time.
/// </summary>
public sealed class OutboxDraftRenderer(IDbContextFactory<EmrDbContext> contexts, VisitEmails visitEmails, PrescriptionEmails prescriptionEmails)
{
    /// <summary>
    /// Fills in every draft of <paramref name="rows"/> it can. Returns the drafts it could not write: their patient is gone
    /// (null error) or their facts do not make an email (the error).
    /// </summary>
    public async Task<Dictionary<Guid, Exception?>> WriteAsync(IReadOnlyList<OutboxMessage> rows, Guid claimToken, CancellationToken ct = default)
    {
        var unwritten = new Dictionary<Guid, Exception?>();
        var drafts = new List<(OutboxMessage Row, ChangeDraft Draft)>();
        foreach (var row in rows.Where(r => r.DraftJson is not null))
        {
            try
            {
                drafts.Add((row, JsonSerializer.Deserialize(row.DraftJson!, ChangeDraftJson.Default.ChangeDraft) ?? throw new JsonException("The draft is empty.")));
            }
            catch (JsonException ex)
            {
                unwritten[row.Id] = ex;
            }
        }

        if (drafts.Count == 0)
        {
            return unwritten;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var names = await NamesAsync(db, drafts.Select(d => d.Draft).ToList(), ct);
        var patientIds = drafts.Select(d => d.Row.PatientId ?? Guid.Empty).Distinct().ToList();
        var recipients = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id))
            .Select(p => new EmailRecipient(p.Id, p.Name, p.Email)).ToDictionaryAsync(r => r.PatientId, ct);

        var written = new List<OutboxMessage>(drafts.Count);
        foreach (var (row, draft) in drafts)
        {
            if (!recipients.TryGetValue(row.PatientId ?? Guid.Empty, out var to))
            {
                unwritten[row.Id] = null;
                continue;
            }

            try
            {
                Fill(row, Write(row.Kind, to, draft, names));
                written.Add(row);
            }
            catch (InvalidOperationException ex)
            {
                unwritten[row.Id] = ex;
            }
        }

        await StoreAsync(db, written, claimToken, ct);
        return unwritten;
    }

    private OutgoingEmail Write(string kind, EmailRecipient to, ChangeDraft draft, Dictionary<Guid, string> names)
    {
        var visits = draft.Visits.Select(v => new VisitEvent(v.VisitId, v.StartUtc, names.GetValueOrDefault(v.ProviderId, "your provider"), v.Cancelled, v.Sequence)).ToList();
        VisitEvent Single() => visits.Count == 1 ? visits[0] : throw new InvalidOperationException($"A {kind} draft must hold one visit, not {visits.Count}.");

        return kind switch
        {
            EmailKinds.VisitBooked => visitEmails.Booked(to, Single()),
            EmailKinds.VisitMoved => visitEmails.Moved(to, Single(), draft.PreviousStartUtc ?? throw new InvalidOperationException("A move draft must hold the previous time.")),
            EmailKinds.VisitCancelled => visitEmails.Cancelled(to, Single()),
            EmailKinds.SeriesScheduled when visits.Count > 0 => visitEmails.SeriesScheduled(to, visits, draft.Repeat ?? "recurring"),
            EmailKinds.SeriesChanged when visits.Count > 0 => visitEmails.SeriesChanged(to, visits),
            EmailKinds.PrescriptionCreated when draft.Prescription is { } p =>
                prescriptionEmails.Created(to, p.PrescriptionId, names.GetValueOrDefault(p.MedicationId, "your medication"), p.FirstRefill),
            _ => throw new InvalidOperationException($"A {kind} draft has nothing to write."),
        };
    }

    /// <summary>Provider and medication names by id, in one map (GUIDs of two tables do not meet).</summary>
    private static async Task<Dictionary<Guid, string>> NamesAsync(EmrDbContext db, List<ChangeDraft> drafts, CancellationToken ct)
    {
        var providerIds = drafts.SelectMany(d => d.Visits).Select(v => v.ProviderId).Distinct().ToList();
        var medicationIds = drafts.Where(d => d.Prescription is not null).Select(d => d.Prescription!.MedicationId).Distinct().ToList();
        var names = providerIds.Count == 0 ? [] :
            await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        if (medicationIds.Count > 0)
        {
            foreach (var m in await db.Medications.AsNoTracking().Where(m => medicationIds.Contains(m.Id)).Select(m => new { m.Id, m.Name }).ToListAsync(ct))
            {
                names[m.Id] = m.Name;
            }
        }

        return names;
    }

    private static void Fill(OutboxMessage row, OutgoingEmail email)
    {
        row.Recipient = email.To;
        row.Subject = email.Subject;
        row.TextBody = email.TextBody;
        row.HtmlBody = email.HtmlBody;
        row.AttachmentsJson = email.Attachments.Count == 0 ? null : JsonSerializer.Serialize(email.Attachments);
        row.DraftJson = null;
    }

    /// <summary>One transaction for the batch, each row only while this claim still holds it.</summary>
    private static async Task StoreAsync(EmrDbContext db, List<OutboxMessage> written, Guid claimToken, CancellationToken ct)
    {
        if (written.Count == 0)
        {
            return;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var row in written)
        {
            await db.Set<OutboxMessage>()
                .Where(m => m.Id == row.Id && m.ClaimToken == claimToken)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Recipient, row.Recipient)
                    .SetProperty(m => m.Subject, row.Subject)
                    .SetProperty(m => m.TextBody, row.TextBody)
                    .SetProperty(m => m.HtmlBody, row.HtmlBody)
                    .SetProperty(m => m.AttachmentsJson, row.AttachmentsJson)
                    .SetProperty(m => m.DraftJson, (string?)null), ct);
        }

        await tx.CommitAsync(ct);
    }
}
