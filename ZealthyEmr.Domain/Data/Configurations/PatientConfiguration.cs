using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZealthyEmr.Domain.Patients;

namespace ZealthyEmr.Domain.Data.Configurations;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.NormalizedName).HasMaxLength(200);
        builder.Property(p => p.SortName).HasMaxLength(200);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.NormalizedEmail).HasMaxLength(256);
        builder.Property(p => p.Phone).HasMaxLength(40);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.NormalizedEmail).IsUnique();
        // Name first for the sorted page; email beside it so a search scans this narrow index, never the table.
        builder.HasIndex(p => new { p.NormalizedName, p.NormalizedEmail }).HasDatabaseName("IX_Patients_Search");
        // The list's name order (family name, then given names) with its tie-break, so a page is read off the index.
        builder.HasIndex(p => new { p.SortName, p.Id }).HasDatabaseName("IX_Patients_SortName");
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.HasOne(p => p.User).WithOne().HasForeignKey<Patient>(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
