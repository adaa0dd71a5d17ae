using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZealthyEmr.Domain.Search;

namespace ZealthyEmr.Domain.Data.Configurations;

internal sealed class PatientSearchDocumentConfiguration : IEntityTypeConfiguration<PatientSearchDocument>
{
    public void Configure(EntityTypeBuilder<PatientSearchDocument> builder)
    {
        builder.ToTable(SearchTriggers.DocumentsTable, t =>
        {
            foreach (var trigger in SearchTriggers.On(SearchTriggers.DocumentsTable))
            {
                t.HasTrigger(trigger);
            }
        });
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.Email).HasMaxLength(256);
        builder.Property(d => d.PhoneDigits).HasMaxLength(40);
        builder.Property(d => d.BirthDate).HasMaxLength(10);
        builder.HasIndex(d => d.PatientId).IsUnique();
    }
}
