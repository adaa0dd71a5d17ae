using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZealthyEmr.Domain.Appointments;

namespace ZealthyEmr.Domain.Data.Configurations;

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    /// <summary>
    /// Every visit but a cancelled one holds its slot. Bracket quoting is understood by SQL Server and
    /// SQLite alike, so both migration sets carry the same guard.
    /// </summary>
    internal const string HoldsSlotFilter = "[Status] <> 2";

    internal const string ProviderSlotIndex = "UX_Visits_Provider_Slot";
    internal const string PatientSlotIndex = "UX_Visits_Patient_Slot";

    public void Configure(EntityTypeBuilder<Visit> builder)
    {
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.Property(v => v.Reason).HasMaxLength(VisitRules.ReasonMaxLength);
        builder.Property(v => v.CancelReason).HasMaxLength(VisitRules.ReasonMaxLength);
        builder.Property(v => v.CancelledBy).HasMaxLength(256);
        builder.HasOne(v => v.Series).WithMany(s => s.Visits).HasForeignKey(v => v.SeriesId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(v => v.Patient).WithMany().HasForeignKey(v => v.PatientId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne(v => v.Provider).WithMany().HasForeignKey(v => v.ProviderId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(v => new { v.ProviderId, v.StartUtc }).IsUnique().HasFilter(HoldsSlotFilter).HasDatabaseName(ProviderSlotIndex);
        builder.HasIndex(v => new { v.PatientId, v.StartUtc }).IsUnique().HasFilter(HoldsSlotFilter).HasDatabaseName(PatientSlotIndex);
        builder.HasIndex(v => new { v.SeriesId, v.OccurrenceUtc }).IsUnique();
        builder.HasIndex(v => new { v.StartUtc, v.Status });
    }
}
