using System.ComponentModel.DataAnnotations;
using ZealthyEmr.Domain.Sessions;

namespace ZealthyEmr.Tests.Domain;

public sealed class SessionLifetimeOptionsTests
{
    [Fact]
    public void Defaults_AreFifteenMinutesIdle_TwelveHoursAbsolute_AndAMinuteBetweenCircuitChecks()
    {
        var options = new SessionLifetimeOptions();

        Assert.Equal(TimeSpan.FromMinutes(15), options.IdleTimeout);
        Assert.Equal(TimeSpan.FromHours(12), options.AbsoluteSessionLifetime);
        Assert.Equal(TimeSpan.FromSeconds(60), options.RevalidationInterval);
        Assert.Equal(TimeSpan.FromSeconds(60), options.WarningLead);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ActivityGranularity);
        Assert.True(IsValid(options));
    }

    [Fact]
    public void ShortTimeout_WarnsHalfwayAndReportsEverySecond()
    {
        var options = new SessionLifetimeOptions { IdleTimeout = TimeSpan.FromSeconds(5) };

        Assert.Equal(TimeSpan.FromSeconds(2.5), options.WarningLead);
        Assert.Equal(TimeSpan.FromSeconds(1), options.ActivityGranularity);
    }

    [Theory]
    [InlineData("00:00:00", "12:00:00", "00:01:00")]
    [InlineData("00:15:00", "12:00:00", "00:05:00")]
    [InlineData("00:15:00", "12:00:00", "00:00:00")]
    public void OutOfRangeValues_AreRefused(string idle, string absolute, string revalidation)
    {
        var options = new SessionLifetimeOptions
        {
            IdleTimeout = TimeSpan.Parse(idle),
            AbsoluteSessionLifetime = TimeSpan.Parse(absolute),
            RevalidationInterval = TimeSpan.Parse(revalidation),
        };

        Assert.False(IsValid(options));
    }

    private static bool IsValid(SessionLifetimeOptions options) =>
        Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true);
}
