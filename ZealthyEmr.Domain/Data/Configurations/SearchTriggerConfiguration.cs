using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Medications;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Prescriptions;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Domain.Search;

namespace ZealthyEmr.Domain.Data.Configurations;

/// <summary>
/// Declares the patient search's triggers on the tables they watch, in one place beside the search feature rather
/// than in each entity's configuration: they are one concern, and EF Core must know them to save without
/// OUTPUT/RETURNING on those tables.
/// </summary>
internal sealed class SearchTriggerConfiguration :
    IEntityTypeConfiguration<Patient>,
    IEntityTypeConfiguration<Visit>,
    IEntityTypeConfiguration<AppointmentSeries>,
    IEntityTypeConfiguration<Prescription>,
    IEntityTypeConfiguration<Provider>,
    IEntityTypeConfiguration<Medication>
{
    public void Configure(EntityTypeBuilder<Patient> builder) => Declare(builder, "Patients");

    public void Configure(EntityTypeBuilder<Visit> builder) => Declare(builder, "Visits");

    public void Configure(EntityTypeBuilder<AppointmentSeries> builder) => Declare(builder, "AppointmentSeries");

    public void Configure(EntityTypeBuilder<Prescription> builder) => Declare(builder, "Prescriptions");

    public void Configure(EntityTypeBuilder<Provider> builder) => Declare(builder, "Providers");

    public void Configure(EntityTypeBuilder<Medication> builder) => Declare(builder, "Medications");

    private static void Declare<T>(EntityTypeBuilder<T> builder, string table)
        where T : class =>
        builder.ToTable(table, t =>
        {
            foreach (var trigger in SearchTriggers.On(table))
            {
                t.HasTrigger(trigger);
            }
        });
}
