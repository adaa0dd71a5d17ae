using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZealthyEmr.Domain.Providers;

namespace ZealthyEmr.Domain.Data.Configurations;

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Specialty).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.Name);
        builder.OwnsMany(p => p.WorkingHours, hours => hours.ToJson());
    }
}
