using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.FrontDesk;

/// <summary>Arranges providers, patients and visits of their own for each front desk test, so tests sharing a database cannot collide.</summary>
internal static class FrontDeskClinic
{
    public static async Task<Guid> NewProviderAsync(this EmrAppFactory app, string specialty = "Testing", params DayOfWeek[] days)
    {
        days = days.Length == 0 ? [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday] : days;
        var hours = days.Select(d => new DayHours(d, new TimeOnly(9, 0), new TimeOnly(17, 0))).ToList();
        var created = await app.Services.GetRequiredService<ProviderAdminService>().CreateAsync(new ProviderInput($"Dr {Guid.NewGuid():N}", specialty, hours));
        return created.Value;
    }

    public static async Task<Guid> NewPatientAsync(this EmrAppFactory app) => (await app.AddPatientsAsync(1, "desk"))[0];

    /// <summary>The first Monday at least <paramref name="weeksAhead"/> weeks and two days away.</summary>
    public static DateOnly Monday(this ClinicCalendar calendar, int weeksAhead)
    {
        var day = calendar.Today.AddDays(2 + (7 * weeksAhead));
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>A visit at a time the booking rules would refuse (the past), written straight to the database as history.</summary>
    public static async Task<Guid> AddVisitAtAsync(this SeededDatabase database, Guid patientId, Guid providerId, DateTime startUtc)
    {
        var calendar = database.App.Services.GetRequiredService<ClinicCalendar>();
        await using var db = await database.CreateDbContextAsync();
        var series = new AppointmentSeries { PatientId = patientId, ProviderId = providerId, FirstStartLocal = calendar.ToLocal(startUtc), Repeat = RepeatKind.None, MaterializedUntilUtc = startUtc.Add(calendar.Slot) };
        var visit = new Visit { SeriesId = series.Id, PatientId = patientId, ProviderId = providerId, StartUtc = startUtc, OccurrenceUtc = startUtc };
        db.AppointmentSeries.Add(series);
        db.Visits.Add(visit);
        await db.SaveChangesAsync();
        return visit.Id;
    }
}
