using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Providers;

/// <summary>Providers and their working hours as the admin portal manages them.</summary>
public sealed class ProviderAdminService(IDbContextFactory<EmrDbContext> contexts, ClinicCalendar calendar, IChangePublisher changes)
{
    /// <summary>How many stranded visits the refusal names; the rest are counted.</summary>
    private const int StrandedShown = 5;

    public async Task<IReadOnlyList<ProviderDetails>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var providers = await db.Providers.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        return [.. providers.Select(ToDetails)];
    }

    public async Task<ProviderDetails?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return provider is null ? null : ToDetails(provider);
    }

    public async Task<Result<Guid>> CreateAsync(ProviderInput input, CancellationToken ct = default)
    {
        if (ProviderInputRules.Validate(input, calendar) is { } invalid)
        {
            return invalid;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var provider = new Provider { Name = input.Name.Trim(), Specialty = input.Specialty.Trim(), WorkingHours = ProviderInputRules.ToWorkingHours(input.Hours) };
        db.Providers.Add(provider);
        await db.SaveChangesAsync(ct);
        await changes.PublishAsync(new EmrChange(ChangeKind.Providers, ProviderId: provider.Id), ct);
        return provider.Id;
    }

    /// <summary>
    /// Saves the edit unless someone changed the provider since <paramref name="expectedVersion"/>; returns the new
    /// version. New hours that would leave upcoming visits outside them are refused with STRANDED_VISITS, naming
    /// the first few, so the visits are moved or cancelled deliberately rather than silently orphaned.
    /// </summary>
    public async Task<Result<Guid>> UpdateAsync(Guid id, ProviderInput input, Guid expectedVersion, CancellationToken ct = default)
    {
        if (ProviderInputRules.Validate(input, calendar) is { } invalid)
        {
            return invalid;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var provider = await db.Providers.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (provider is null)
        {
            return DomainError.NotFound("The provider");
        }

        if (provider.Version != expectedVersion)
        {
            return DomainError.Stale("The provider");
        }

        var proposed = new Provider { Name = input.Name.Trim(), Specialty = input.Specialty.Trim(), WorkingHours = ProviderInputRules.ToWorkingHours(input.Hours) };
        if (await StrandedAsync(db, id, proposed, ct) is { } stranded)
        {
            return stranded;
        }

        provider.Name = proposed.Name;
        provider.Specialty = proposed.Specialty;
        provider.WorkingHours = proposed.WorkingHours;

        // Hours live in an owned JSON column; marking the token makes an hours-only edit roll the version too.
        db.Entry(provider).Property(p => p.Version).IsModified = true;
        return await SaveAsync(db, provider, ct);
    }

    /// <summary>A deactivated provider takes no new visits; visits already scheduled stay.</summary>
    public Task<Result<Guid>> DeactivateAsync(Guid id, CancellationToken ct = default) => SetActiveAsync(id, false, ct);

    public Task<Result<Guid>> ReactivateAsync(Guid id, CancellationToken ct = default) => SetActiveAsync(id, true, ct);

    /// <summary>Only a provider nothing refers to can be deleted; otherwise deactivate them, which keeps the history.</summary>
    public async Task<Result<Guid>> DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var provider = await db.Providers.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (provider is null)
        {
            return DomainError.NotFound("The provider");
        }

        var series = await db.AppointmentSeries.CountAsync(s => s.ProviderId == id, ct);
        var visits = await db.Visits.CountAsync(v => v.ProviderId == id, ct);
        if (series + visits > 0)
        {
            return new DomainError(ErrorCodes.InUse,
                $"{provider.Name} cannot be deleted: {series} appointment series and {visits} visits (past ones included) refer to them. Deactivate them instead, so they take no new visits.");
        }

        db.Providers.Remove(provider);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A series was booked between the check and the delete; the foreign key refused it.
            return new DomainError(ErrorCodes.InUse, $"{provider.Name} was just booked and can no longer be deleted. Deactivate them instead.");
        }

        await changes.PublishAsync(new EmrChange(ChangeKind.Providers, ProviderId: id), ct);
        return id;
    }

    private async Task<DomainError?> StrandedAsync(EmrDbContext db, Guid id, Provider proposed, CancellationToken ct)
    {
        var now = calendar.UtcNow;
        var upcoming = await db.Visits.AsNoTracking()
            .Where(v => v.ProviderId == id && v.Status != VisitStatus.Cancelled && v.Status == VisitStatus.Scheduled && v.StartUtc > now)
            .OrderBy(v => v.StartUtc)
            .Select(v => new { v.StartUtc, Patient = v.Patient!.Name })
            .ToListAsync(ct);
        var stranded = upcoming
            .Select(v => (v.Patient, Local: calendar.ToLocal(v.StartUtc)))
            .Where(v => BookingRules.OutsideHours(proposed, v.Local, calendar.Slot) is not null)
            .ToList();
        if (stranded.Count == 0)
        {
            return null;
        }

        var named = string.Join("; ", stranded.Take(StrandedShown).Select(v => $"{v.Patient} on {v.Local:ddd, MMM d, yyyy 'at' HH:mm}"));
        var more = stranded.Count > StrandedShown ? $"; and {stranded.Count - StrandedShown} more" : "";
        return new DomainError(ErrorCodes.StrandedVisits,
            $"The new hours would leave {stranded.Count} upcoming visit{(stranded.Count == 1 ? "" : "s")} outside them: {named}{more}. Move or cancel those visits first, then change the hours.");
    }

    private async Task<Result<Guid>> SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var provider = await db.Providers.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (provider is null)
        {
            return DomainError.NotFound("The provider");
        }

        provider.IsActive = active;
        return await SaveAsync(db, provider, ct);
    }

    private async Task<Result<Guid>> SaveAsync(EmrDbContext db, Provider provider, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DomainError.Stale("The provider");
        }

        await changes.PublishAsync(new EmrChange(ChangeKind.Providers, ProviderId: provider.Id), ct);
        return provider.Version;
    }

    private static ProviderDetails ToDetails(Provider p) =>
        new(p.Id, p.Name, p.Specialty, p.IsActive, [.. p.WorkingHours.OrderBy(h => h.Day).Select(h => new DayHours(h.Day, h.Start, h.End))], p.Version);
}
