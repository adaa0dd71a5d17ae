using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZealthyEmr.Domain.Prescriptions;

namespace ZealthyEmr.Domain.Data.Configurations;

internal sealed class PrescriptionConfiguration : IEntityTypeConfiguration<Prescription>
{
    public void Configure(EntityTypeBuilder<Prescription> builder)
    {
        builder.Property(p => p.Dosage).HasMaxLength(50);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.ToTable(t => t.HasCheckConstraint("CK_Prescriptions_Quantity", "[Quantity] >= 1"));
        builder.HasOne(p => p.Patient).WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Medication).WithMany().HasForeignKey(p => p.MedicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.PatientId, p.IsActive });
    }
}
