using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration;

public sealed class VisitHorizonTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task WeeklySeriesBehindTheHorizon_IsExtendedToIt_SkippingASlotSomeoneElseHolds()
    {
        var app = database.App;
        var calendar = app.Services.GetRequiredService<ClinicCalendar>();
        var provider = await app.ProviderIdAsync("Dr Kim West");
        var (owner, other) = await TwoAsync(app);
        var first = await app.FreeSlotAsync(provider, daysAhead: 21, index: 5);
        var firstLocal = calendar.ToLocal(first);
        var third = calendar.ToUtc(firstLocal.AddDays(14));

        await using (var db = await database.CreateDbContextAsync())
        {
            var series = new AppointmentSeries { PatientId = owner, ProviderId = provider, FirstStartLocal = firstLocal, Repeat = RepeatKind.Weekly, MaterializedUntilUtc = first.AddMinutes(30) };
            series.Visits.Add(new Visit { SeriesId = series.Id, PatientId = owner, ProviderId = provider, StartUtc = first, OccurrenceUtc = first });
            var blocker = new AppointmentSeries { PatientId = other, ProviderId = provider, FirstStartLocal = calendar.ToLocal(third), Repeat = RepeatKind.None, MaterializedUntilUtc = third.AddMinutes(30) };
            blocker.Visits.Add(new Visit { SeriesId = blocker.Id, PatientId = other, ProviderId = provider, StartUtc = third, OccurrenceUtc = third });
            db.AppointmentSeries.AddRange(series, blocker);
            await db.SaveChangesAsync();
        }

        var horizonService = app.Services.GetServices<IHostedService>().OfType<VisitHorizonService>().Single();
        var added = await horizonService.ExtendAsync(CancellationToken.None);

        var planner = app.Services.GetRequiredService<VisitPlanner>();
        await using var check = await database.CreateDbContextAsync();
        var visits = await check.Visits.Where(v => v.PatientId == owner).Select(v => v.StartUtc).ToListAsync();
        var expected = Recurrence.Expand(firstLocal, RepeatKind.Weekly, null, calendar.Zone, first, planner.HorizonUtc()).Count();
        Assert.True(added >= expected - 2);
        Assert.Equal(expected - 1, visits.Count);
        Assert.DoesNotContain(third, visits);
        Assert.Contains(calendar.ToUtc(firstLocal.AddDays(21)), visits);
        Assert.Equal(0, await horizonService.ExtendAsync(CancellationToken.None));
    }

    private static async Task<(Guid, Guid)> TwoAsync(EmrAppFactory app)
    {
        var ids = await app.AddPatientsAsync(2, "horizon");
        return (ids[0], ids[1]);
    }
}
