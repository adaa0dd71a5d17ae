using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Appointments;

namespace ZealthyEmr.Tests.Integration;

public sealed class DatabaseGuardTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task SecondActiveVisitInTheSameProviderSlot_IsRejectedByTheDatabase()
    {
        await using var db = await database.CreateDbContextAsync();
        var taken = await db.Visits.AsNoTracking().FirstAsync(v => v.Status == VisitStatus.Scheduled);
        var other = await db.AppointmentSeries.AsNoTracking().FirstAsync(s => s.PatientId != taken.PatientId);

        db.Visits.Add(new Visit
        {
            SeriesId = other.Id,
            PatientId = other.PatientId,
            ProviderId = taken.ProviderId,
            StartUtc = taken.StartUtc,
            OccurrenceUtc = taken.StartUtc,
        });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Contains("UNIQUE constraint failed: Visits.ProviderId, Visits.StartUtc", error.InnerException?.Message);
    }

    [Fact]
    public async Task SecondActiveVisitForTheSamePatientAtOneTime_IsRejectedByTheDatabase()
    {
        await using var db = await database.CreateDbContextAsync();
        var taken = await db.Visits.AsNoTracking().FirstAsync(v => v.Status == VisitStatus.Scheduled);
        var otherProvider = await db.Providers.AsNoTracking().FirstAsync(p => p.Id != taken.ProviderId);

        db.Visits.Add(new Visit
        {
            SeriesId = taken.SeriesId,
            PatientId = taken.PatientId,
            ProviderId = otherProvider.Id,
            StartUtc = taken.StartUtc,
            OccurrenceUtc = taken.StartUtc.AddYears(50),
        });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Contains("UNIQUE constraint failed: Visits.PatientId, Visits.StartUtc", error.InnerException?.Message);
    }

    [Fact]
    public async Task CancelledVisit_FreesItsSlotForAnotherVisit()
    {
        await using var db = await database.CreateDbContextAsync();
        var series = await db.AppointmentSeries.AsNoTracking().FirstAsync();
        var slot = DateTime.SpecifyKind(new DateTime(2099, 1, 5, 17, 0, 0), DateTimeKind.Utc);

        db.Visits.Add(new Visit { SeriesId = series.Id, PatientId = series.PatientId, ProviderId = series.ProviderId, StartUtc = slot, OccurrenceUtc = slot, Status = VisitStatus.Cancelled });
        db.Visits.Add(new Visit { SeriesId = series.Id, PatientId = series.PatientId, ProviderId = series.ProviderId, StartUtc = slot, OccurrenceUtc = slot.AddMinutes(1) });
        await db.SaveChangesAsync();

        Assert.Equal(2, await db.Visits.CountAsync(v => v.StartUtc == slot));
    }
}
