using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.FrontDesk;

/// <summary>What the booking page offers: only times this patient can actually book.</summary>
public sealed class AvailabilityForPatientTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private EmrAppFactory App => database.App;

    private AvailabilityService Availability => App.Services.GetRequiredService<AvailabilityService>();

    private ClinicCalendar Calendar => App.Services.GetRequiredService<ClinicCalendar>();

    [Fact]
    public async Task BusyWithAnotherProvider_ThatTimeIsNeverOffered_NorAmongTheNearest()
    {
        var (kim, sally, mark) = (await App.NewProviderAsync(), await App.NewProviderAsync(), await App.NewPatientAsync());
        var friday = Calendar.Monday(weeksAhead: 1).AddDays(4);
        var busy = Calendar.ToUtc(friday.ToDateTime(new TimeOnly(16, 30)));
        Assert.True((await App.Services.GetRequiredService<BookingService>().BookAsync(mark, kim, busy)).Succeeded);

        var refused = await App.Services.GetRequiredService<BookingService>().BookAsync(mark, sally, busy);
        var offered = await Availability.GetFreeSlotsAsync(sally, friday, mark);
        var nearest = await Availability.NearestFreeSlotsAsync(sally, busy, mark);

        Assert.Equal(ErrorCodes.UserConflict, refused.Error?.Code);
        Assert.DoesNotContain(busy, offered);
        Assert.Contains(busy, await Availability.GetFreeSlotsAsync(sally, friday));
        Assert.Equal(3, nearest.Count);
        Assert.DoesNotContain(busy, nearest);
        foreach (var alternative in nearest)
        {
            Assert.True((await App.Services.GetRequiredService<BookingService>().BookAsync(mark, sally, alternative)).Succeeded);
        }
    }

    [Fact]
    public async Task FreeDays_ExcludeDaysOff_FullDays_AndThePast()
    {
        var (provider, patient, other) = (await App.NewProviderAsync(days: [DayOfWeek.Monday, DayOfWeek.Wednesday]), await App.NewPatientAsync(), await App.NewPatientAsync());
        var monday = Calendar.Monday(weeksAhead: 1);
        var series = App.Services.GetRequiredService<SeriesService>();
        for (var t = new TimeOnly(9, 0); t < new TimeOnly(17, 0); t = t.Add(Calendar.Slot))
        {
            Assert.True((await series.CreateAsync(new SeriesInput(other, provider, monday.ToDateTime(t), RepeatKind.None))).Succeeded);
        }

        var days = await Availability.FreeDaysAsync(provider, patient, Calendar.Today.AddDays(-3), monday.AddDays(13));

        Assert.DoesNotContain(monday, days);
        Assert.Contains(monday.AddDays(2), days);
        Assert.Contains(monday.AddDays(7), days);
        Assert.All(days, d => Assert.Contains(d.DayOfWeek, new[] { DayOfWeek.Monday, DayOfWeek.Wednesday }));
        Assert.All(days, d => Assert.True(d >= Calendar.Today));
    }

    [Fact]
    public async Task NextAvailable_ReturnsTheEarliestFreeSlotsAcrossProviders()
    {
        var patient = await App.NewPatientAsync();
        var specialty = $"Spec {Guid.NewGuid():N}";
        // Both work one weekday only, two days from now, so the earliest day is whole whatever the time of the run.
        var firstDay = Calendar.Today.AddDays(2);
        var (one, two) = (await App.NewProviderAsync(specialty, firstDay.DayOfWeek), await App.NewProviderAsync(specialty, firstDay.DayOfWeek));
        var series = App.Services.GetRequiredService<SeriesService>();
        var times = await Availability.GetFreeSlotsAsync(one, firstDay);
        foreach (var slot in times.Take(4))
        {
            Assert.True((await series.CreateAsync(new SeriesInput(await App.NewPatientAsync(), one, Calendar.ToLocal(slot), RepeatKind.None))).Succeeded);
        }

        var next = await Availability.NextAvailableAsync(patient, specialty, 6);

        // By hand: provider two has 09:00-10:30 alone, then both have 11:00.
        Assert.Equal(new[] { times[0], times[1], times[2], times[3], times[4], times[4] }, next.Select(n => n.StartUtc));
        Assert.All(next.Take(4), n => Assert.Equal(two, n.ProviderId));
        Assert.Equal(new[] { one, two }.Order(), next.Skip(4).Select(n => n.ProviderId).Order());
        Assert.All(next, n => Assert.Equal(specialty, n.Specialty));
    }
}
