using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Tests.Domain;

public class ClinicClockTests
{
    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    private static DateTime Local(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);

    private static DateTime Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void ToUtc_WinterTime_UsesPacificStandardOffset()
    {
        var utc = ClinicClock.ToUtc(Local(2025, 1, 15, 9, 0), Pacific);

        Assert.Equal(Utc(2025, 1, 15, 17, 0), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void ToUtc_SummerTime_UsesPacificDaylightOffset()
    {
        var utc = ClinicClock.ToUtc(Local(2025, 7, 15, 9, 0), Pacific);

        Assert.Equal(Utc(2025, 7, 15, 16, 0), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void ToUtc_NonexistentSpringForwardTime_MovesForwardByTheGap()
    {
        var nonexistent = Local(2025, 3, 9, 2, 30);
        Assert.True(Pacific.IsInvalidTime(nonexistent));

        var utc = ClinicClock.ToUtc(nonexistent, Pacific);

        Assert.Equal(Utc(2025, 3, 9, 10, 30), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(Local(2025, 3, 9, 3, 30), ClinicClock.ToLocal(utc, Pacific));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(59)]
    public void ToUtc_AnyMinuteInsideSpringForwardGap_LandsOneHourLaterLocally(int minute)
    {
        var utc = ClinicClock.ToUtc(Local(2025, 3, 9, 2, minute), Pacific);

        Assert.Equal(Utc(2025, 3, 9, 10, minute), utc);
        Assert.Equal(Local(2025, 3, 9, 3, minute), ClinicClock.ToLocal(utc, Pacific));
    }

    [Fact]
    public void ToUtc_FirstValidTimeAfterSpringForward_UsesDaylightOffset()
    {
        Assert.Equal(Utc(2025, 3, 9, 10, 0), ClinicClock.ToUtc(Local(2025, 3, 9, 3, 0), Pacific));
        Assert.Equal(Utc(2025, 3, 9, 9, 59), ClinicClock.ToUtc(Local(2025, 3, 9, 1, 59), Pacific));
    }

    [Fact]
    public void ToUtc_AmbiguousFallBackTime_ResolvesToFirstDaylightOccurrence()
    {
        var ambiguous = Local(2025, 11, 2, 1, 30);
        Assert.True(Pacific.IsAmbiguousTime(ambiguous));

        var utc = ClinicClock.ToUtc(ambiguous, Pacific);

        Assert.Equal(Utc(2025, 11, 2, 8, 30), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(TimeSpan.FromHours(-7), ambiguous - utc);
    }

    [Fact]
    public void ToUtc_EndOfFallBackHour_UsesStandardOffset()
    {
        Assert.Equal(Utc(2025, 11, 2, 10, 0), ClinicClock.ToUtc(Local(2025, 11, 2, 2, 0), Pacific));
        Assert.Equal(Utc(2025, 11, 2, 7, 59), ClinicClock.ToUtc(Local(2025, 11, 2, 0, 59), Pacific));
    }

    [Fact]
    public void ToUtc_InputKindIsIgnored_ValueIsAlwaysClinicWallClock()
    {
        var asUtcKind = new DateTime(2025, 1, 15, 9, 0, 0, DateTimeKind.Utc);
        var asLocalKind = new DateTime(2025, 1, 15, 9, 0, 0, DateTimeKind.Local);

        Assert.Equal(Utc(2025, 1, 15, 17, 0), ClinicClock.ToUtc(asUtcKind, Pacific));
        Assert.Equal(Utc(2025, 1, 15, 17, 0), ClinicClock.ToUtc(asLocalKind, Pacific));
    }

    [Fact]
    public void ToUtc_ThirtyMinuteGapOnLordHoweIsland_MovesForwardByThirtyMinutes()
    {
        // Lord Howe Island springs forward from +10:30 to +11:00, so its gap is half an hour, not an hour.
        var lordHowe = TimeZoneInfo.FindSystemTimeZoneById("Australia/Lord_Howe");
        var nonexistent = Local(2025, 10, 5, 2, 15);
        Assert.True(lordHowe.IsInvalidTime(nonexistent));

        var utc = ClinicClock.ToUtc(nonexistent, lordHowe);

        Assert.Equal(Utc(2025, 10, 4, 15, 45), utc);
        Assert.Equal(Local(2025, 10, 5, 2, 45), ClinicClock.ToLocal(utc, lordHowe));
    }

    [Fact]
    public void ToUtc_ThirtyMinuteOverlapOnLordHoweIsland_ResolvesToFirstDaylightOccurrence()
    {
        var lordHowe = TimeZoneInfo.FindSystemTimeZoneById("Australia/Lord_Howe");
        var ambiguous = Local(2025, 4, 6, 1, 45);
        Assert.True(lordHowe.IsAmbiguousTime(ambiguous));

        var utc = ClinicClock.ToUtc(ambiguous, lordHowe);

        Assert.Equal(Utc(2025, 4, 5, 14, 45), utc);
        Assert.Equal(TimeSpan.FromHours(11), ambiguous - utc);
    }

    [Fact]
    public void ToLocal_ReturnsUnspecifiedKindWallClockTime()
    {
        var local = ClinicClock.ToLocal(Utc(2025, 7, 15, 16, 0), Pacific);

        Assert.Equal(Local(2025, 7, 15, 9, 0), local);
        Assert.Equal(DateTimeKind.Unspecified, local.Kind);
    }

    [Fact]
    public void ToLocal_UnspecifiedKindInput_IsTreatedAsUtc()
    {
        var local = ClinicClock.ToLocal(new DateTime(2025, 1, 15, 17, 0, 0, DateTimeKind.Unspecified), Pacific);

        Assert.Equal(Local(2025, 1, 15, 9, 0), local);
    }

    [Fact]
    public void ToLocal_BothInstantsOfTheFallBackHour_ShowTheSameWallClock()
    {
        Assert.Equal(Local(2025, 11, 2, 1, 30), ClinicClock.ToLocal(Utc(2025, 11, 2, 8, 30), Pacific));
        Assert.Equal(Local(2025, 11, 2, 1, 30), ClinicClock.ToLocal(Utc(2025, 11, 2, 9, 30), Pacific));
    }

    [Fact]
    public void RoundTrip_EveryQuarterHourOf2025_KeepsWallClockExceptGapTimesShiftForwardOneHour()
    {
        var skipped = 0;
        var previousUtc = DateTime.MinValue;
        for (var local = Local(2025, 1, 1, 0, 0); local < Local(2026, 1, 1, 0, 0); local = local.AddMinutes(15))
        {
            var utc = ClinicClock.ToUtc(local, Pacific);
            var invalid = Pacific.IsInvalidTime(local);
            if (invalid)
            {
                skipped++;
            }

            Assert.Equal(DateTimeKind.Utc, utc.Kind);
            Assert.Equal(invalid ? local.AddHours(1) : local, ClinicClock.ToLocal(utc, Pacific));

            // Outside the gap, later wall-clock times must never map to earlier instants.
            if (!invalid)
            {
                Assert.True(utc > previousUtc, $"{local:O} mapped to {utc:O}, not after {previousUtc:O}");
                previousUtc = utc;
            }
        }

        Assert.Equal(4, skipped);
    }

    [Fact]
    public void ToUtc_NullZone_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ClinicClock.ToUtc(Local(2025, 1, 1, 9, 0), null!));
        Assert.Throws<ArgumentNullException>(() => ClinicClock.ToLocal(Utc(2025, 1, 1, 9, 0), null!));
    }
}
