using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;

namespace ZealthyEmr.Tests.Infrastructure;

/// <summary>Arranges real rows in a running app's database, quickly (no password hashing).</summary>
public static class TestClinic
{
    public static async Task<IReadOnlyList<Guid>> AddPatientsAsync(this EmrAppFactory app, int count, string prefix = "load")
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        var patients = new List<Patient>();
        for (var i = 0; i < count; i++)
        {
            var email = $"{prefix}-{i}-{Guid.NewGuid():N}@clinic.test";
            var user = new EmrUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString() };
            db.Users.Add(user);
            patients.Add(new Patient { Name = $"{prefix} {i}", NormalizedName = $"{prefix} {i}".ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), UserId = user.Id });
        }

        db.Patients.AddRange(patients);
        await db.SaveChangesAsync();
        return [.. patients.Select(p => p.Id)];
    }

    public static async Task<Guid> ProviderIdAsync(this EmrAppFactory app, string name)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        return await db.Providers.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    public static async Task<Guid> PatientIdAsync(this EmrAppFactory app, string email)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        return await db.Patients.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
    }

    /// <summary>A free slot of the provider on a weekday at least <paramref name="daysAhead"/> days out.</summary>
    public static async Task<DateTime> FreeSlotAsync(this EmrAppFactory app, Guid providerId, int daysAhead = 7, int index = 0)
    {
        var calendar = app.Services.GetRequiredService<ClinicCalendar>();
        var availability = app.Services.GetRequiredService<AvailabilityService>();
        for (var day = calendar.Today.AddDays(daysAhead); day <= calendar.Today.AddMonths(calendar.BookingHorizonMonths); day = day.AddDays(1))
        {
            var free = await availability.GetFreeSlotsAsync(providerId, day);
            if (free.Count > index)
            {
                return free[index];
            }
        }

        throw new InvalidOperationException("The provider has no free slot within the booking horizon (inactive?).");
    }

    public static async Task<int> ActiveVisitsAtAsync(this EmrAppFactory app, Guid providerId, DateTime slot)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        return await db.Visits.CountAsync(v => v.ProviderId == providerId && v.StartUtc == slot && v.Status != ZealthyEmr.Domain.Appointments.VisitStatus.Cancelled);
    }
}
