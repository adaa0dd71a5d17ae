using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Notifications;

namespace ZealthyEmr.Domain.Data.Configurations;

internal sealed class CalendarSequenceConfiguration : IEntityTypeConfiguration<CalendarSequence>
{
    public void Configure(EntityTypeBuilder<CalendarSequence> builder)
    {
        builder.ToTable("CalendarSequences");
        builder.HasKey(s => s.VisitId);
        builder.Property(s => s.VisitId).ValueGeneratedNever();
        builder.HasOne<Visit>().WithMany().HasForeignKey(s => s.VisitId).OnDelete(DeleteBehavior.Cascade);
    }
}
