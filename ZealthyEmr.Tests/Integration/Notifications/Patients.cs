using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Notifications;
using ZealthyEmr.Domain.Prescriptions;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Notifications;

internal static class Patients
{
    /// <summary>A new patient of the running app; returns its id and email.</summary>
    public static async Task<(Guid Id, string Email)> NewPatientAsync(this EmrAppFactory app, string prefix)
    {
        var id = (await app.AddPatientsAsync(1, prefix)).Single();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        return (id, await db.Patients.Where(p => p.Id == id).Select(p => p.Email).SingleAsync());
    }

    /// <summary>
    /// A one-visit series written straight to the database, off the slot grid so it never collides with a booking.
    /// Quiet (the default) means no confirmation email, as for an import.
    /// </summary>
    public static async Task<Guid> AddVisitAsync(this EmrAppFactory app, Guid patient, DateTime startUtc, VisitStatus status = VisitStatus.Scheduled, bool quiet = true)
    {
        using var suppressed = quiet ? NotificationSuppression.Begin() : null;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        var provider = await db.Providers.Where(p => p.Name == "Dr Kim West").Select(p => p.Id).SingleAsync();
        var series = new AppointmentSeries { PatientId = patient, ProviderId = provider, FirstStartLocal = startUtc, Repeat = RepeatKind.None, MaterializedUntilUtc = startUtc.AddMinutes(30) };
        var visit = new Visit { SeriesId = series.Id, PatientId = patient, ProviderId = provider, StartUtc = startUtc, OccurrenceUtc = startUtc, Status = status };
        db.AddRange(series, visit);
        await db.SaveChangesAsync();
        return visit.Id;
    }

    /// <summary>An odd instant a few hours ahead (seconds and milliseconds set), unique enough to never hit the slot indexes.</summary>
    public static DateTime SoonUtc(this EmrAppFactory app, double hours) =>
        app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddHours(hours).AddSeconds(Random.Shared.Next(1, 3600)).AddMilliseconds(Random.Shared.Next(1, 999));

    public static async Task<Guid> AddPrescriptionAsync(this EmrAppFactory app, Guid patient, DateOnly firstRefill, bool active = true, DateOnly? endDate = null)
    {
        using var suppressed = NotificationSuppression.Begin();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        var medication = await db.Medications.Where(m => m.Name == "Metformin").Select(m => m.Id).SingleAsync();
        var prescription = new Prescription { PatientId = patient, MedicationId = medication, Dosage = "500mg", Quantity = 1, FirstRefill = firstRefill, Schedule = RefillSchedule.Monthly, IsActive = active, EndDate = endDate };
        db.Prescriptions.Add(prescription);
        await db.SaveChangesAsync();
        return prescription.Id;
    }
}
