using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Sessions;

namespace ZealthyEmr.Domain.Data.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.Device).HasMaxLength(200);
        builder.Property(s => s.ClientAddress).HasMaxLength(64);
        builder.HasIndex(s => s.UserId);

        // Deleting a login ends its sessions with it.
        builder.HasOne<EmrUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
