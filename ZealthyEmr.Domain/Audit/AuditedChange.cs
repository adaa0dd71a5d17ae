using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;

namespace ZealthyEmr.Domain.Audit;

/// <summary>What a tracked change becomes in the audit trail: which entity, whose record, which fields (names only).</summary>
internal sealed record AuditedChange(AuditAction Action, string EntityType, string? EntityId, Guid? PatientId, string? UserId, IReadOnlyList<string> Fields)
{
    /// <summary>Bookkeeping columns that change on every save; listing them would hide the fields that matter.</summary>
    private static readonly HashSet<string> Bookkeeping =
    [
        nameof(AuditedEntity.Id), nameof(AuditedEntity.CreatedUtc), nameof(AuditedEntity.UpdatedUtc), nameof(AuditedEntity.Version),
        nameof(Patient.NormalizedName), nameof(Patient.SortName), nameof(Patient.NormalizedEmail), nameof(IdentityUser.NormalizedUserName), nameof(IdentityUser.ConcurrencyStamp),
    ];

    /// <summary>
    /// Counters Identity moves on every sign-in attempt. An update touching only these is sign-in bookkeeping,
    /// recorded by the sign-in events (SignInFailed, LockedOut), not as an edit of the account.
    /// </summary>
    private static readonly HashSet<string> SignInCounters = [nameof(IdentityUser.AccessFailedCount), nameof(IdentityUser.LockoutEnd)];

    /// <summary>Each entity type's properties that a change lists, in the model's order.</summary>
    private static readonly ConditionalWeakTable<IEntityType, IProperty[]> Recorded = [];

    /// <summary>Series, visits and prescriptions name their patient in this column.</summary>
    private const string PatientIdProperty = "PatientId";

    public static AuditedChange? From(EntityEntry entry)
    {
        var action = entry.State switch
        {
            EntityState.Added => AuditAction.Create,
            EntityState.Modified => AuditAction.Update,
            EntityState.Deleted => AuditAction.Purge,
            _ => (AuditAction?)null,
        };
        if (action is null)
        {
            return null;
        }

        action = ArchivalOf(entry) ?? action;
        return entry.Entity switch
        {
            Patient p => new(action.Value, nameof(Patient), p.Id.ToString(), p.Id, null, FieldsOf(entry)),
            EmrUser u => UserChange(action.Value, u.Id, u.Id, entry),
            IdentityUserRole<string> r => new(action.Value, "UserRole", r.UserId, null, r.UserId, [nameof(r.RoleId)]),
            AuditedEntity e => new(action.Value, entry.Metadata.ClrType.Name, e.Id.ToString(), PatientIdOf(entry), null, FieldsOf(entry)),
            _ => null,
        };
    }

    /// <summary>
    /// Records are archived, never deleted: setting a patient's archive stamp (or a series' or prescription's
    /// entered-in-error stamp) is an Archive, clearing it a Restore.
    /// </summary>
    private static AuditAction? ArchivalOf(EntityEntry entry)
    {
        if (entry.State != EntityState.Modified)
        {
            return null;
        }

        var stamp = entry.Properties.FirstOrDefault(p => p.Metadata.Name is nameof(Patient.ArchivedUtc) or "EnteredInErrorUtc");
        if (stamp is null || !stamp.IsModified || Equals(stamp.OriginalValue, stamp.CurrentValue))
        {
            return null;
        }

        return stamp.CurrentValue is null ? AuditAction.Restore : AuditAction.Archive;
    }

    private static AuditedChange? UserChange(AuditAction action, string entityId, string userId, EntityEntry entry)
    {
        var fields = FieldsOf(entry);
        return action == AuditAction.Update && fields.All(SignInCounters.Contains) ? null : new(action, "User", entityId, null, userId, fields);
    }

    private static Guid? PatientIdOf(EntityEntry entry) =>
        entry.Metadata.FindProperty(PatientIdProperty) is not null && entry.Property(PatientIdProperty).CurrentValue is Guid id ? id : null;

    private static IProperty[] RecordedOf(IEntityType type) => [.. type.GetProperties().Where(p => !Bookkeeping.Contains(p.Name))];

    private static bool NeverNull(IProperty property) => property.ClrType.IsValueType && Nullable.GetUnderlyingType(property.ClrType) is null;

    private static IReadOnlyList<string> FieldsOf(EntityEntry entry)
    {
        if (entry.State == EntityState.Deleted)
        {
            return [];
        }

        if (entry.State == EntityState.Added)
        {
            // A value type's value is never null: only the others are read (each read boxes, inside the write lock).
            var values = entry.CurrentValues;
            return [.. Recorded.GetValue(entry.Metadata, RecordedOf).Where(p => NeverNull(p) || values[p] is not null).Select(p => p.Name)];
        }

        var properties = entry.Properties.Where(p => !Bookkeeping.Contains(p.Metadata.Name));
        var modified = properties.Where(p => p.IsModified).ToList();
        var changed = modified.Where(p => !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata.Name).ToList();
        // An entity attached with Update() marks every column modified with equal original values; then all count.
        return changed.Count > 0 ? changed : [.. modified.Select(p => p.Metadata.Name)];
    }
}
