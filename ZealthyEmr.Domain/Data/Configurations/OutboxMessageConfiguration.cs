using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZealthyEmr.Domain.Notifications;

namespace ZealthyEmr.Domain.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Kind).HasMaxLength(64);
        builder.Property(m => m.Recipient).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(256);
        builder.Property(m => m.DedupKey).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.SentUtc).HasConversion(new UtcDateTimeConverter());

        // The sender's claim query: due queued rows, oldest first.
        builder.HasIndex(m => new { m.Status, m.AvailableAtUtc });
        builder.HasIndex(m => m.ClaimToken);
        builder.HasIndex(m => m.CreatedUtc);

        // At most one reminder per visit or refill date, whichever instance or re-plan tries to add it again.
        builder.HasIndex(m => m.DedupKey).IsUnique().HasFilter("[DedupKey] IS NOT NULL");
    }
}
