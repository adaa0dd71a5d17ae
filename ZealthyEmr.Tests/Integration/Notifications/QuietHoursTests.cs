using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Notifications;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Notifications;

public sealed class QuietHoursTests
{
    [Fact]
    public async Task ReminderDueAt22h_WaitsUntil08hClinicTime_ThenGoesOut()
    {
        // Monday 7 January 2030, 22:00 in Los Angeles (UTC-8): inside the default 21:00-08:00 quiet hours.
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 8, 6, 0, 0, TimeSpan.Zero));
        await using var app = new EmrAppFactory(
            settings: new Dictionary<string, string?> { ["Notifications:ScanInterval"] = "01:00:00", ["Email:PollInterval"] = "01:00:00" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        var calendar = app.Services.GetRequiredService<ClinicCalendar>();
        Assert.Equal(new DateTime(2030, 1, 7, 22, 0, 0), calendar.LocalNow);
        var (patient, _) = await app.NewPatientAsync("quiet");
        await app.AddVisitAsync(patient, calendar.ToUtc(new DateTime(2030, 1, 8, 10, 0, 0)));

        await app.Services.GetRequiredService<ReminderPlanner>().EnqueueDueAsync();
        var row = Assert.Single(await app.OutboxAsync(m => m.PatientId == patient));
        Assert.Equal(calendar.ToUtc(new DateTime(2030, 1, 8, 8, 0, 0)), row.AvailableAtUtc);

        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        clock.Advance(TimeSpan.FromHours(9).Add(TimeSpan.FromMinutes(59)));
        await dispatcher.DispatchDueAsync();
        Assert.Equal(OutboxStatus.Queued, Assert.Single(await app.OutboxAsync(m => m.PatientId == patient)).Status);

        clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.DispatchDueAsync();
        var sent = await app.WaitForRowAsync(row.Id, r => r.Status == OutboxStatus.Sent);
        Assert.Equal(calendar.ToUtc(new DateTime(2030, 1, 8, 8, 0, 0)), sent.SentUtc);
    }

    [Theory]
    [InlineData("21:00-08:00", "2030-01-07 22:30", "2030-01-08 08:00")]
    [InlineData("21:00-08:00", "2030-01-08 03:00", "2030-01-08 08:00")]
    [InlineData("21:00-08:00", "2030-01-08 08:00", "2030-01-08 08:00")]
    [InlineData("21:00-08:00", "2030-01-08 20:59", "2030-01-08 20:59")]
    [InlineData("12:00-13:00", "2030-01-08 12:30", "2030-01-08 13:00")]
    public void Release_MovesTimesInsideTheWindowToItsEnd(string window, string local, string expected)
    {
        Assert.True(QuietHours.TryParse(window, out var quiet));

        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), quiet!.Release(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("9pm-8am")]
    [InlineData("21:00")]
    [InlineData("08:00-08:00")]
    [InlineData("25:00-08:00")]
    public void TryParse_RefusesMalformedWindows(string window) => Assert.False(QuietHours.TryParse(window, out _));
}
