using ZealthyEmr.Domain.Scheduling;
using static ZealthyEmr.Tests.Domain.RecurrenceClock;

namespace ZealthyEmr.Tests.Domain;

/// <summary>The rules of a series: weekly and monthly across daylight-saving changes, month ends and leap days, inclusive end dates.</summary>
public class RecurrenceTests
{
    [Fact]
    public void Weekly_ReturnsSameLocalTimeEverySevenDays()
    {
        var starts = Expand(Local(2025, 1, 6, 16, 30), RepeatKind.Weekly, null, Utc(2025, 1, 1), Utc(2025, 2, 1));

        Assert.Equal([Utc(2025, 1, 7, 0, 30), Utc(2025, 1, 14, 0, 30), Utc(2025, 1, 21, 0, 30), Utc(2025, 1, 28, 0, 30)], starts);
        Assert.All(starts, s => Assert.Equal(DateTimeKind.Utc, s.Kind));
    }

    [Fact]
    public void Weekly_AcrossSpringForward_Stays1630LocalWhileOffsetMovesFromMinus8ToMinus7()
    {
        var starts = Expand(Local(2025, 2, 24, 16, 30), RepeatKind.Weekly, null, Utc(2025, 2, 24), Utc(2025, 3, 25));

        Assert.Equal(
            [Utc(2025, 2, 25, 0, 30), Utc(2025, 3, 4, 0, 30), Utc(2025, 3, 10, 23, 30), Utc(2025, 3, 17, 23, 30), Utc(2025, 3, 24, 23, 30)],
            starts);
        Assert.All(ToLocal(starts), l => Assert.Equal(new TimeSpan(16, 30, 0), l.TimeOfDay));
        Assert.Equal([-8.0, -8.0, -7.0, -7.0, -7.0], OffsetHours(starts));
    }

    [Fact]
    public void Weekly_AcrossFallBack_Stays1630LocalWhileOffsetMovesFromMinus7ToMinus8()
    {
        var starts = Expand(Local(2025, 10, 20, 16, 30), RepeatKind.Weekly, null, Utc(2025, 10, 20), Utc(2025, 11, 12));

        Assert.Equal([Utc(2025, 10, 20, 23, 30), Utc(2025, 10, 27, 23, 30), Utc(2025, 11, 4, 0, 30), Utc(2025, 11, 11, 0, 30)], starts);
        Assert.All(ToLocal(starts), l => Assert.Equal(new TimeSpan(16, 30, 0), l.TimeOfDay));
        Assert.Equal([-7.0, -7.0, -8.0, -8.0], OffsetHours(starts));
    }

    [Fact]
    public void Weekly_AnchoredAt0230_MovesOnlyTheSpringForwardDayTo0330()
    {
        var starts = Expand(Local(2025, 3, 2, 2, 30), RepeatKind.Weekly, null, Utc(2025, 3, 1), Utc(2025, 3, 20));

        Assert.Equal([Utc(2025, 3, 2, 10, 30), Utc(2025, 3, 9, 10, 30), Utc(2025, 3, 16, 9, 30)], starts);
        Assert.Equal([Local(2025, 3, 2, 2, 30), Local(2025, 3, 9, 3, 30), Local(2025, 3, 16, 2, 30)], ToLocal(starts));
    }

    [Fact]
    public void Weekly_AnchoredAt0130_UsesFirstOccurrenceOnFallBackDay()
    {
        var starts = Expand(Local(2025, 10, 26, 1, 30), RepeatKind.Weekly, null, Utc(2025, 10, 20), Utc(2025, 11, 12));

        Assert.Equal([Utc(2025, 10, 26, 8, 30), Utc(2025, 11, 2, 8, 30), Utc(2025, 11, 9, 9, 30)], starts);
        Assert.All(ToLocal(starts), l => Assert.Equal(new TimeSpan(1, 30, 0), l.TimeOfDay));
    }

    [Fact]
    public void Monthly_OnThe31st_ClampsToMonthEndWithoutDrift()
    {
        var starts = Expand(Local(2025, 1, 31, 10, 0), RepeatKind.Monthly, null, Utc(2025, 1, 1), Utc(2025, 8, 1));

        Assert.Equal(
            [
                Local(2025, 1, 31, 10, 0), Local(2025, 2, 28, 10, 0), Local(2025, 3, 31, 10, 0), Local(2025, 4, 30, 10, 0),
                Local(2025, 5, 31, 10, 0), Local(2025, 6, 30, 10, 0), Local(2025, 7, 31, 10, 0),
            ],
            ToLocal(starts));
    }

    [Fact]
    public void Monthly_OnThe31stInLeapYear_ClampsToFebruary29th()
    {
        var starts = Expand(Local(2028, 1, 31, 9, 0), RepeatKind.Monthly, null, Utc(2028, 1, 1), Utc(2028, 5, 1));

        Assert.Equal(
            [Local(2028, 1, 31, 9, 0), Local(2028, 2, 29, 9, 0), Local(2028, 3, 31, 9, 0), Local(2028, 4, 30, 9, 0)],
            ToLocal(starts));
    }

    [Fact]
    public void Monthly_AnchoredOnLeapDay_UsesFebruary28thInCommonYearsAndKeepsThe29thOtherwise()
    {
        var anchor = Local(2028, 2, 29, 9, 0);

        var commonYear = Expand(anchor, RepeatKind.Monthly, null, Utc(2029, 1, 1), Utc(2029, 4, 1));
        var nextLeapYear = Expand(anchor, RepeatKind.Monthly, null, Utc(2032, 2, 1), Utc(2032, 3, 1));

        Assert.Equal([Local(2029, 1, 29, 9, 0), Local(2029, 2, 28, 9, 0), Local(2029, 3, 29, 9, 0)], ToLocal(commonYear));
        Assert.Equal([Local(2032, 2, 29, 9, 0)], ToLocal(nextLeapYear));
    }

    [Fact]
    public void Monthly_KeepsLocalTimeAcrossBothDstChanges()
    {
        var starts = Expand(Local(2025, 1, 15, 16, 30), RepeatKind.Monthly, null, Utc(2025, 1, 1), Utc(2026, 1, 1));

        Assert.Equal(12, starts.Count);
        Assert.All(ToLocal(starts), l => Assert.Equal(new TimeSpan(16, 30, 0), l.TimeOfDay));
        Assert.Equal([-8.0, -8.0, -7.0, -7.0, -7.0, -7.0, -7.0, -7.0, -7.0, -7.0, -8.0, -8.0], OffsetHours(starts));
    }

    [Theory]
    [InlineData("2025-01-26", 3)]
    [InlineData("2025-01-27", 4)]
    [InlineData("2025-02-02", 4)]
    [InlineData("2025-02-03", 5)]
    public void Weekly_EndDate_IsInclusive(string endDate, int expectedCount)
    {
        var starts = Expand(Local(2025, 1, 6, 16, 30), RepeatKind.Weekly, DateOnly.Parse(endDate), Utc(2025, 1, 1), Utc(2026, 1, 1));

        Assert.Equal(expectedCount, starts.Count);
    }

    [Fact]
    public void Weekly_OccurrenceOnEndDate_IsIncludedEvenWhenItsUtcDateIsTheNextDay()
    {
        // 16:30 in Los Angeles is 00:30 UTC the following day; the end date is a clinic-local date.
        var starts = Expand(Local(2025, 1, 6, 16, 30), RepeatKind.Weekly, new DateOnly(2025, 1, 27), Utc(2025, 1, 1), Utc(2026, 1, 1));

        Assert.Equal(Utc(2025, 1, 28, 0, 30), starts[^1]);
        Assert.Equal(Local(2025, 1, 27, 16, 30), ClinicClock.ToLocal(starts[^1], Pacific));
        Assert.DoesNotContain(Utc(2025, 2, 4, 0, 30), starts);
    }

    [Fact]
    public void Monthly_OccurrenceOnEndDate_IsIncludedAndTheNextIsNot()
    {
        var anchor = Local(2025, 1, 31, 10, 0);

        var endingOnApril30 = Expand(anchor, RepeatKind.Monthly, new DateOnly(2025, 4, 30), Utc(2025, 1, 1), Utc(2026, 1, 1));
        var endingOnApril29 = Expand(anchor, RepeatKind.Monthly, new DateOnly(2025, 4, 29), Utc(2025, 1, 1), Utc(2026, 1, 1));

        Assert.Equal(Local(2025, 4, 30, 10, 0), ClinicClock.ToLocal(endingOnApril30[^1], Pacific));
        Assert.Equal(4, endingOnApril30.Count);
        Assert.Equal(Local(2025, 3, 31, 10, 0), ClinicClock.ToLocal(endingOnApril29[^1], Pacific));
        Assert.Equal(3, endingOnApril29.Count);
    }

    [Fact]
    public void EndDateBeforeAnchor_ReturnsNothing()
    {
        Assert.Empty(Expand(Local(2025, 1, 6, 16, 30), RepeatKind.Weekly, new DateOnly(2025, 1, 5), Utc(2025, 1, 1), Utc(2026, 1, 1)));
        Assert.Empty(Expand(Local(2025, 1, 6, 16, 30), RepeatKind.None, new DateOnly(2025, 1, 5), Utc(2025, 1, 1), Utc(2026, 1, 1)));
    }
}
