using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Medications;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Prescriptions;

/// <summary>Prescriptions as staff manage them; refill dates are computed by <see cref="RefillCalculator"/>, never stored.</summary>
public sealed class PrescriptionService(IDbContextFactory<EmrDbContext> contexts, ClinicCalendar calendar, IChangePublisher changes, IAuditLog audit)
{
    public const string MedicationField = "medicationId";
    public const string DosageField = "dosage";
    public const string QuantityField = "quantity";
    public const string EndDateField = "endDate";

    /// <summary>Audited as a View of the patient's prescriptions, as is <see cref="GetAsync"/>.</summary>
    public async Task<IReadOnlyList<PrescriptionRow>> ListForPatientAsync(Guid patientId, CancellationToken ct = default)
    {
        audit.RecordView(nameof(Prescription), null, patientId);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Prescriptions.AsNoTracking()
            .Where(p => p.PatientId == patientId)
            .Select(p => new { Prescription = p, Medication = p.Medication!.Name, Retired = p.Medication.IsRetired })
            .ToListAsync(ct);
        return Ordered(rows.Select(r => ToRow(r.Prescription, r.Medication, r.Retired)));
    }

    /// <summary>
    /// <see cref="ListForPatientAsync"/> for a page of patients in one query (a list page must not read per row);
    /// every requested patient has an entry, empty when they have no prescription. Not audited here: only the patient
    /// search loads them, and it records one View per listed patient that names them (<see cref="Search.PatientListViews"/>).
    /// </summary>
    internal async Task<IReadOnlyDictionary<Guid, IReadOnlyList<PrescriptionRow>>> LoadForPatientsAsync(IReadOnlyCollection<Guid> patientIds, CancellationToken ct = default)
    {
        var ids = patientIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<PrescriptionRow>>();
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        // The ids as one parameter, so EF generates this SQL once (see Patients.PatientSearch).
        var rows = await db.Prescriptions.AsNoTracking()
            .Where(p => EF.Parameter(ids).Contains(p.PatientId))
            .Select(p => new { Prescription = p, Medication = p.Medication!.Name, Retired = p.Medication.IsRetired })
            .ToListAsync(ct);
        var byPatient = rows.Select(r => ToRow(r.Prescription, r.Medication, r.Retired)).ToLookup(r => r.PatientId);
        return ids.ToDictionary(id => id, id => Ordered(byPatient[id]));
    }

    public async Task<PrescriptionRow?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var row = (await ListWhereAsync(id, ct)).FirstOrDefault();
        if (row is not null)
        {
            audit.RecordView(nameof(Prescription), id.ToString(), row.PatientId);
        }

        return row;
    }

    public async Task<Result<Guid>> CreateAsync(Guid patientId, PrescriptionInput input, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct))
        {
            return DomainError.NotFound("The patient");
        }

        var medication = await db.Medications.AsNoTracking().FirstOrDefaultAsync(m => m.Id == input.MedicationId, ct);
        if (Validate(input, medication, existing: null) is { } invalid)
        {
            return invalid;
        }

        var prescription = new Prescription { PatientId = patientId, Dosage = input.Dosage.Trim() };
        Apply(prescription, input);
        db.Prescriptions.Add(prescription);
        await db.SaveChangesAsync(ct);
        await changes.PublishAsync(new EmrChange(ChangeKind.Prescriptions, patientId), ct);
        return prescription.Id;
    }

    /// <summary>Saves the edit unless someone changed the prescription since <paramref name="expectedVersion"/>; returns the new version.</summary>
    public async Task<Result<Guid>> UpdateAsync(Guid id, PrescriptionInput input, Guid expectedVersion, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var prescription = await db.Prescriptions.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (prescription is null)
        {
            return DomainError.NotFound("The prescription");
        }

        if (prescription.Version != expectedVersion)
        {
            return DomainError.Stale("The prescription");
        }

        var medication = await db.Medications.AsNoTracking().FirstOrDefaultAsync(m => m.Id == input.MedicationId, ct);
        if (Validate(input, medication, prescription) is { } invalid)
        {
            return invalid;
        }

        Apply(prescription, input);
        return await SaveAsync(db, prescription, ct);
    }

    /// <summary>Stops refills after <paramref name="endDate"/>; the prescription stops being active once that date is reached.</summary>
    public async Task<Result<Guid>> EndAsync(Guid id, DateOnly endDate, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var prescription = await db.Prescriptions.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (prescription is null)
        {
            return DomainError.NotFound("The prescription");
        }

        // An end before the first refill is allowed here: it cancels a prescription that never started.
        prescription.EndDate = endDate;
        if (endDate <= calendar.Today)
        {
            prescription.IsActive = false;
        }

        return await SaveAsync(db, prescription, ct);
    }

    /// <summary>Marks the prescription entered in error instead of deleting it: it stays on record, inactive, with no refills.</summary>
    public async Task<Result<Guid>> MarkEnteredInErrorAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var prescription = await db.Prescriptions.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (prescription is null)
        {
            return DomainError.NotFound("The prescription");
        }

        if (prescription.EnteredInErrorUtc is not null)
        {
            return id;
        }

        prescription.EnteredInErrorUtc = calendar.UtcNow;
        prescription.IsActive = false;
        var saved = await SaveAsync(db, prescription, ct);
        return saved.Succeeded ? id : saved;
    }

    private async Task<Result<Guid>> SaveAsync(EmrDbContext db, Prescription prescription, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DomainError.Stale("The prescription");
        }

        await changes.PublishAsync(new EmrChange(ChangeKind.Prescriptions, prescription.PatientId), ct);
        return prescription.Version;
    }

    /// <summary>
    /// A retired medication cannot be newly prescribed, but a prescription that already names it may still be
    /// edited (quantity, dates) as long as it keeps that medication and its dosage.
    /// </summary>
    private static DomainError? Validate(PrescriptionInput input, Medication? medication, Prescription? existing)
    {
        if (medication is null)
        {
            return DomainError.Validation(MedicationField, "Choose a medication from the catalog.");
        }

        var keepsMedication = existing is not null && existing.MedicationId == medication.Id;
        if (medication.IsRetired && !keepsMedication)
        {
            return DomainError.Validation(MedicationField, $"{medication.Name} is retired and can no longer be prescribed.");
        }

        var dosage = input.Dosage?.Trim() ?? "";
        var keepsDosage = keepsMedication && string.Equals(existing!.Dosage, dosage, StringComparison.OrdinalIgnoreCase);
        if (!keepsDosage && !medication.Strengths.Contains(dosage, StringComparer.OrdinalIgnoreCase))
        {
            return DomainError.Validation(DosageField, $"{medication.Name} comes in {string.Join(", ", medication.Strengths)}; pick one of those.");
        }

        if (input.Quantity < 1)
        {
            return DomainError.Validation(QuantityField, "The quantity must be at least 1.");
        }

        if (!Enum.IsDefined(input.Schedule))
        {
            return DomainError.Validation("schedule", "Choose weekly or monthly refills.");
        }

        return input.EndDate < input.FirstRefill
            ? DomainError.Validation(EndDateField, "The end date cannot be before the first refill.")
            : null;
    }

    /// <summary>The same rule as <see cref="EndAsync"/>: a prescription whose end date has come is no longer active.</summary>
    private void Apply(Prescription prescription, PrescriptionInput input)
    {
        prescription.MedicationId = input.MedicationId;
        prescription.Dosage = input.Dosage.Trim();
        prescription.Quantity = input.Quantity;
        prescription.FirstRefill = input.FirstRefill;
        prescription.Schedule = input.Schedule;
        prescription.EndDate = input.EndDate;
        prescription.IsActive = !(input.EndDate <= calendar.Today);
    }

    private async Task<IReadOnlyList<PrescriptionRow>> ListWhereAsync(Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Prescriptions.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new { Prescription = p, Medication = p.Medication!.Name, Retired = p.Medication.IsRetired })
            .ToListAsync(ct);
        return [.. rows.Select(r => ToRow(r.Prescription, r.Medication, r.Retired))];
    }

    /// <summary>Active ones first, then by medication name.</summary>
    private static IReadOnlyList<PrescriptionRow> Ordered(IEnumerable<PrescriptionRow> rows) =>
        [.. rows.OrderByDescending(r => r.IsActive).ThenBy(r => r.Medication, StringComparer.OrdinalIgnoreCase)];

    private PrescriptionRow ToRow(Prescription p, string medication, bool retired)
    {
        var next = p.IsActive
            ? RefillCalculator.Upcoming(p.FirstRefill, p.Schedule, p.EndDate, calendar.Today, DateOnly.MaxValue).Select(d => (DateOnly?)d).FirstOrDefault()
            : null;
        return new PrescriptionRow(p.Id, p.PatientId, p.MedicationId, medication, retired, p.Dosage, p.Quantity, p.FirstRefill, p.Schedule, p.EndDate, p.IsActive, next, p.Version, p.EnteredInErrorUtc != null);
    }
}
