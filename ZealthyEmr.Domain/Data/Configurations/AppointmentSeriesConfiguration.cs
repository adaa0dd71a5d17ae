using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZealthyEmr.Domain.Appointments;

namespace ZealthyEmr.Domain.Data.Configurations;

internal sealed class AppointmentSeriesConfiguration : IEntityTypeConfiguration<AppointmentSeries>
{
    public void Configure(EntityTypeBuilder<AppointmentSeries> builder)
    {
        builder.Property(s => s.Notes).HasMaxLength(2000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne(s => s.Patient).WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Provider).WithMany().HasForeignKey(s => s.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.PatientId, s.Status });
        builder.HasIndex(s => new { s.Status, s.MaterializedUntilUtc });
    }
}
