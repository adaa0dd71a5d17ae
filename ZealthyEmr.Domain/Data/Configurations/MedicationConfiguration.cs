using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZealthyEmr.Domain.Medications;

namespace ZealthyEmr.Domain.Data.Configurations;

internal sealed class MedicationConfiguration : IEntityTypeConfiguration<Medication>
{
    public void Configure(EntityTypeBuilder<Medication> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.NormalizedName).HasMaxLength(200);
        builder.Property(m => m.Description).HasMaxLength(2000);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.NormalizedName).IsUnique();
    }
}
