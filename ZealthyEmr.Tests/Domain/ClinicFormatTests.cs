using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Clinic;

namespace ZealthyEmr.Tests.Domain;

public sealed class ClinicFormatTests
{
    [Theory]
    [InlineData("America/Los_Angeles", "2026-12-04T00:30:00Z", "Thu, Dec 3 · 4:30 PM PST")]
    [InlineData("America/Los_Angeles", "2026-07-03T23:30:00Z", "Fri, Jul 3 · 4:30 PM PDT")]
    [InlineData("America/New_York", "2026-12-04T21:30:00Z", "Fri, Dec 4 · 4:30 PM EST")]
    [InlineData("Europe/Berlin", "2026-12-04T15:30:00Z", "Fri, Dec 4 · 4:30 PM UTC+01:00")]
    [InlineData("America/Sao_Paulo", "2026-12-04T19:30:00Z", "Fri, Dec 4 · 4:30 PM UTC-03:00")]
    public void When_ReadsInTheClinicCultureWithTheZoneOfThatDate(string zone, string utc, string expected)
    {
        var options = Options.Create(new ClinicOptions { TimeZone = zone, Culture = "en-US" });
        var format = new ClinicFormat(options, new ClinicCalendar(options, TimeProvider.System));

        var text = format.When(DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal));

        Assert.Equal(expected, text.Replace('\u202f', ' '));
    }

    [Fact]
    public void ShortDatePattern_FollowsTheCulture()
    {
        var options = Options.Create(new ClinicOptions { Culture = "en-GB" });
        var format = new ClinicFormat(options, new ClinicCalendar(options, TimeProvider.System));

        Assert.Equal("04/12/2026", format.ShortDate(new DateOnly(2026, 12, 4)));
        Assert.False(ClinicFormat.IsKnownCulture("xx-NOPE"));
    }
}
