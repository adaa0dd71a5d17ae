using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Medications;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Prescriptions;
using ZealthyEmr.Domain.Providers;

namespace ZealthyEmr.Domain.Data;

/// <summary>
/// The model shared by both providers. Each provider has a derived context with its own migration set
/// (<see cref="SqliteEmrDbContext"/>, <see cref="SqlServerEmrDbContext"/>). It also holds the Data Protection
/// key ring, so every instance on the same database reads every cookie and the keys outlive a Redis restart.
/// </summary>
public abstract class EmrDbContext(DbContextOptions options) : IdentityDbContext<EmrUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<Provider> Providers => Set<Provider>();

    public DbSet<Medication> Medications => Set<Medication>();

    public DbSet<AppointmentSeries> AppointmentSeries => Set<AppointmentSeries>();

    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<Prescription> Prescriptions => Set<Prescription>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EmrDbContext).Assembly);

        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            if (property.ClrType == typeof(DateTime) && property.Name.EndsWith("Utc", StringComparison.Ordinal))
            {
                property.SetValueConverter(new UtcDateTimeConverter());
            }
        }
    }
}
