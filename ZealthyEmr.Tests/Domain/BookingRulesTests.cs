using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Providers;

namespace ZealthyEmr.Tests.Domain;

public sealed class BookingRulesTests
{
    // Monday 2026-11-30 08:00 in Los Angeles (16:00 UTC).
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);

    private readonly ClinicCalendar calendar = new(Options.Create(new ClinicOptions()), new FakeTimeProvider(Now));

    private static Provider Kim(bool active = true) => new()
    {
        Name = "Dr Kim West",
        Specialty = "Family Medicine",
        IsActive = active,
        WorkingHours = [.. Enumerable.Range(1, 5).Select(d => new WorkingHours { Day = (DayOfWeek)d, Start = new TimeOnly(9, 0), End = new TimeOnly(17, 0) })],
    };

    private DateTime Local(int year, int month, int day, int hour, int minute) => calendar.ToUtc(new DateTime(year, month, day, hour, minute, 0));

    [Fact]
    public void SlotInsideHoursOnTheGrid_IsValid() =>
        Assert.Null(BookingRules.Validate(Kim(), Local(2026, 12, 1, 9, 30), calendar));

    [Fact]
    public void LastSlotThatEndsAtClosing_IsValid() =>
        Assert.Null(BookingRules.Validate(Kim(), Local(2026, 12, 1, 16, 30), calendar));

    [Theory]
    [InlineData(9, 15, "30-minute grid")]
    [InlineData(8, 30, "works 09:00–17:00")]
    [InlineData(17, 0, "works 09:00–17:00")]
    public void OffGridOrOutsideHours_IsRefusedInPlainWords(int hour, int minute, string expected)
    {
        var error = BookingRules.Validate(Kim(), Local(2026, 12, 1, hour, minute), calendar);

        Assert.Equal(ErrorCodes.Validation, error?.Code);
        Assert.Contains(expected, error!.Message);
        Assert.Equal([BookingRules.StartField], error.Fields!.Keys);
    }

    [Fact]
    public void DayOff_IsRefusedNamingTheDay()
    {
        var error = BookingRules.Validate(Kim(), Local(2026, 12, 5, 10, 0), calendar);

        Assert.Contains("does not work on Saturdays", error?.Message);
    }

    [Fact]
    public void TimeAlreadyPast_IsRefused()
    {
        var error = BookingRules.Validate(Kim(), Now.UtcDateTime.AddMinutes(-30), calendar);

        Assert.Contains("already passed", error?.Message);
    }

    [Fact]
    public void BeyondTheThreeMonthHorizon_IsRefused_ButTheLastDayIsFine()
    {
        Assert.Null(BookingRules.Validate(Kim(), Local(2027, 2, 26, 10, 0), calendar));

        var error = BookingRules.Validate(Kim(), Local(2027, 3, 2, 10, 0), calendar);
        Assert.Contains("up to 3 months ahead", error?.Message);
    }

    [Fact]
    public void InactiveProvider_IsRefusedOnTheProviderField()
    {
        var error = BookingRules.Validate(Kim(active: false), Local(2026, 12, 1, 10, 0), calendar);

        Assert.Equal([BookingRules.ProviderField], error?.Fields!.Keys);
    }
}
