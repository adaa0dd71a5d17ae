using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Medications;

/// <summary>
/// The medication catalog. Medications are retired rather than deleted, because prescriptions keep naming
/// them; changing a medication's strengths does not touch existing prescriptions' dosages for the same reason.
/// </summary>
public sealed partial class MedicationService(IDbContextFactory<EmrDbContext> contexts, IChangePublisher changes)
{
    public const string NameField = "name";
    public const string StrengthsField = "strengths";

    public async Task<IReadOnlyList<MedicationRow>> ListAsync(bool includeRetired = true, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Medications.AsNoTracking()
            .Where(m => includeRetired || !m.IsRetired)
            .OrderBy(m => m.NormalizedName)
            .ToListAsync(ct);
        return [.. rows.Select(ToRow)];
    }

    public async Task<MedicationRow?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var medication = await db.Medications.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        return medication is null ? null : ToRow(medication);
    }

    /// <summary>Returns the new medication's id; the other writes return its new version.</summary>
    public async Task<Result<Guid>> CreateAsync(MedicationInput input, CancellationToken ct = default)
    {
        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var name = input.Name.Trim();
        var medication = new Medication { Name = name, NormalizedName = name.ToUpperInvariant() };
        Apply(medication, input);
        db.Medications.Add(medication);
        var saved = await SaveAsync(db, medication, ct);
        return saved.Succeeded ? medication.Id : saved;
    }

    /// <summary>Saves the edit unless someone changed the medication since <paramref name="expectedVersion"/>; returns the new version.</summary>
    public async Task<Result<Guid>> UpdateAsync(Guid id, MedicationInput input, Guid expectedVersion, CancellationToken ct = default)
    {
        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var medication = await db.Medications.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (medication is null)
        {
            return DomainError.NotFound("The medication");
        }

        if (medication.Version != expectedVersion)
        {
            return DomainError.Stale("The medication");
        }

        Apply(medication, input);
        return await SaveAsync(db, medication, ct);
    }

    public Task<Result<Guid>> RetireAsync(Guid id, CancellationToken ct = default) => SetRetiredAsync(id, true, ct);

    public Task<Result<Guid>> UnretireAsync(Guid id, CancellationToken ct = default) => SetRetiredAsync(id, false, ct);

    private async Task<Result<Guid>> SetRetiredAsync(Guid id, bool retired, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var medication = await db.Medications.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (medication is null)
        {
            return DomainError.NotFound("The medication");
        }

        medication.IsRetired = retired;
        return await SaveAsync(db, medication, ct);
    }

    private async Task<Result<Guid>> SaveAsync(EmrDbContext db, Medication medication, CancellationToken ct)
    {
        if (await db.Medications.AnyAsync(m => m.Id != medication.Id && m.NormalizedName == medication.NormalizedName, ct))
        {
            return DuplicateName(medication.Name);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DomainError.Stale("The medication");
        }
        catch (DbUpdateException)
        {
            // The unique index on NormalizedName caught a concurrent create of the same name.
            return DuplicateName(medication.Name);
        }

        await changes.PublishAsync(new EmrChange(ChangeKind.Medications), ct);
        return medication.Version;
    }

    private static void Apply(Medication medication, MedicationInput input)
    {
        medication.Name = input.Name.Trim();
        medication.NormalizedName = medication.Name.ToUpperInvariant();
        medication.Description = input.Description?.Trim() ?? "";
        medication.Strengths = [.. CleanStrengths(input.Strengths)];
    }

    private static IEnumerable<string> CleanStrengths(IReadOnlyList<string>? strengths) =>
        (strengths ?? []).Select(s => s?.Trim() ?? "").Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);

    private static DomainError? Validate(MedicationInput input)
    {
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            return DomainError.Validation(NameField, "Enter the medication's name (at most 200 characters).");
        }

        if (TextRules.PlainText(NameField, "name", name) is { } unsafeName)
        {
            return unsafeName;
        }

        if ((input.Description?.Trim().Length ?? 0) > 2000)
        {
            return DomainError.Validation("description", "The description can be at most 2000 characters.");
        }

        var strengths = CleanStrengths(input.Strengths).ToList();
        if (strengths.Count == 0)
        {
            return DomainError.Validation(StrengthsField, "Add at least one strength, for example 5mg.");
        }

        var bad = strengths.FirstOrDefault(s => s.Length > 50 || !StrengthPattern().IsMatch(s));
        return bad is null
            ? null
            : DomainError.Validation(StrengthsField, $"\"{bad}\" is not a strength; write an amount and a unit, for example 5mg, 0.5 mg, 100mcg, 10ml or 100 units.");
    }

    private static DomainError DuplicateName(string name) =>
        new(ErrorCodes.DuplicateName, $"A medication named {name} already exists.", new Dictionary<string, string[]> { [NameField] = [$"A medication named {name} already exists."] });

    private static MedicationRow ToRow(Medication m) => new(m.Id, m.Name, m.Description, m.Strengths, m.IsRetired, m.Version);

    [GeneratedRegex(@"^\d+(\.\d+)?\s?(mg|mcg|g|ml|IU|units)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StrengthPattern();
}
