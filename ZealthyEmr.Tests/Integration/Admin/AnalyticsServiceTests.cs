using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Analytics;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Clinic;

namespace ZealthyEmr.Tests.Integration.Admin;

/// <summary>Against the untouched demo clinic: 2 patients, 3 providers, 4 weekly or monthly series, 4 monthly prescriptions.</summary>
public sealed class AnalyticsServiceTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private AnalyticsService Analytics => database.App.Services.GetRequiredService<AnalyticsService>();

    private ClinicCalendar Calendar => database.App.Services.GetRequiredService<ClinicCalendar>();

    [Fact]
    public async Task Totals_MatchTheDemoClinic()
    {
        var now = Calendar.UtcNow;
        await using var db = await database.CreateDbContextAsync();
        var next7 = await db.Visits.CountAsync(v => v.Status == VisitStatus.Scheduled && v.StartUtc >= now && v.StartUtc < now.AddDays(7));
        var next30 = await db.Visits.CountAsync(v => v.Status == VisitStatus.Scheduled && v.StartUtc >= now && v.StartUtc < now.AddDays(30));

        var totals = (await Analytics.GetAsync()).Totals;

        // The demo's refills fall 2 to 6 days out and repeat monthly, so each has exactly one in the next 7 and 30 days.
        Assert.Equal(new ClinicTotals(2, 3, 3, 4, next7, next30, 4, 4, 4), totals);
        Assert.InRange(totals.VisitsNext7Days, 2, 6);
        Assert.True(totals.VisitsNext30Days > totals.VisitsNext7Days);
    }

    [Fact]
    public async Task ProviderWeeks_AddUpToTheScheduledVisitsOfTheNext8Weeks()
    {
        var from = Calendar.StartOfDayUtc(Calendar.Today);
        var until = Calendar.StartOfDayUtc(Calendar.Today.AddDays(56));
        await using var db = await database.CreateDbContextAsync();
        var expected = await db.Visits
            .Where(v => v.Status == VisitStatus.Scheduled && v.StartUtc >= from && v.StartUtc < until)
            .GroupBy(v => v.Provider!.Name)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);

        var loads = (await Analytics.GetAsync()).ProviderWeeks;

        Assert.Equal(["Dr Kim West", "Dr Lin James", "Dr Sally Field"], loads.Select(l => l.Provider));
        Assert.All(loads, l => Assert.Equal(8, l.VisitsPerWeek.Count));
        Assert.All(loads, l => Assert.Equal(expected.GetValueOrDefault(l.Provider), l.VisitsPerWeek.Sum()));

        // Dr Kim West sees Mark weekly, so every one of the 8 weeks has one visit with her.
        Assert.All(loads[0].VisitsPerWeek, w => Assert.Equal(1, w));
    }

    [Fact]
    public async Task BusiestSlots_AreOnWeekdaysAtTheDemoHours()
    {
        var analytics = await Analytics.GetAsync();

        Assert.Equal(0, analytics.BusiestWeekdays.Where(b => b.Bucket is 0 or 6).Sum(b => b.Count));
        Assert.Equal([10, 11, 14, 16], analytics.BusiestHours.Where(b => b.Count > 0).Select(b => b.Bucket).Order());
        Assert.Equal(analytics.BusiestWeekdays.Sum(b => b.Count), analytics.BusiestHours.Sum(b => b.Count));
        Assert.Equal(7, analytics.BusiestWeekdays.Count);
        Assert.Equal(24, analytics.BusiestHours.Count);
    }

    [Fact]
    public async Task CancellationRate_IsZeroForTheDemoClinic_WithVisitsInTheWindow()
    {
        var cancellations = (await Analytics.GetAsync()).Cancellations;

        Assert.Equal(0, cancellations.Cancelled);
        Assert.True(cancellations.Total > 0);
        Assert.Equal(0, cancellations.Rate);
        Assert.Equal(TimeSpan.FromDays(180), cancellations.ToUtc - cancellations.FromUtc);
    }
}
