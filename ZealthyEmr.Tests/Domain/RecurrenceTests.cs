using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Tests.Domain;

public class RecurrenceTests
{
    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    private static DateTime Local(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);

    private static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static List<DateTime> Expand(DateTime anchor, RepeatKind repeat, DateOnly? endDate, DateTime fromUtc, DateTime toUtc) =>
        Recurrence.Expand(anchor, repeat, endDate, Pacific, fromUtc, toUtc).ToList();

    private static List<DateTime> ToLocal(IEnumerable<DateTime> utcs) =>
        utcs.Select(u => ClinicClock.ToLocal(u, Pacific)).ToList();

    private static List<double> OffsetHours(IEnumerable<DateTime> utcs) =>
        utcs.Select(u => Pacific.GetUtcOffset(u).TotalHours).ToList();

    /// <summary>The obvious, slow expansion: walk every occurrence from the anchor.</summary>
    private static List<DateTime> Naive(DateTime anchor, RepeatKind repeat, DateOnly? endDate, TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc)
    {
        var result = new List<DateTime>();
        for (var n = 0; repeat != RepeatKind.None || n == 0; n++)
        {
            var local = repeat == RepeatKind.Monthly ? anchor.AddMonths(n) : anchor.AddDays(7 * n);
            if (endDate is { } end && DateOnly.FromDateTime(local) > end)
            {
                break;
            }

            var utc = ClinicClock.ToUtc(local, zone);
            if (utc >= toUtc)
            {
                break;
            }

            if (utc >= fromUtc)
            {
                result.Add(utc);
            }
        }

        return result;
    }

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

    [Fact]
    public void Window_StartIsInclusiveAndEndIsExclusive()
    {
        var anchor = Local(2025, 1, 6, 16, 30);

        var exact = Expand(anchor, RepeatKind.Weekly, null, Utc(2025, 1, 14, 0, 30), Utc(2025, 1, 21, 0, 30));
        var oneTickLonger = Expand(anchor, RepeatKind.Weekly, null, Utc(2025, 1, 14, 0, 30), Utc(2025, 1, 21, 0, 30).AddTicks(1));
        var oneTickLater = Expand(anchor, RepeatKind.Weekly, null, Utc(2025, 1, 14, 0, 30).AddTicks(1), Utc(2025, 1, 21, 0, 30));

        Assert.Equal([Utc(2025, 1, 14, 0, 30)], exact);
        Assert.Equal([Utc(2025, 1, 14, 0, 30), Utc(2025, 1, 21, 0, 30)], oneTickLonger);
        Assert.Empty(oneTickLater);
    }

    [Fact]
    public void Weekly_WindowFiveYearsAfterAnchor_MatchesNaiveIteration()
    {
        var anchor = Local(2025, 1, 6, 16, 30);

        var starts = Expand(anchor, RepeatKind.Weekly, null, Utc(2030, 3, 1), Utc(2030, 4, 1));

        Assert.Equal([Utc(2030, 3, 5, 0, 30), Utc(2030, 3, 11, 23, 30), Utc(2030, 3, 18, 23, 30), Utc(2030, 3, 25, 23, 30)], starts);
        Assert.Equal(Naive(anchor, RepeatKind.Weekly, null, Pacific, Utc(2030, 3, 1), Utc(2030, 4, 1)), starts);
    }

    [Fact]
    public void Monthly_WindowFiveYearsAfterAnchor_MatchesNaiveIterationWithoutDrift()
    {
        var anchor = Local(2025, 1, 31, 16, 30);

        var starts = Expand(anchor, RepeatKind.Monthly, null, Utc(2030, 2, 10), Utc(2030, 7, 1));

        Assert.Equal(
            [Local(2030, 2, 28, 16, 30), Local(2030, 3, 31, 16, 30), Local(2030, 4, 30, 16, 30), Local(2030, 5, 31, 16, 30), Local(2030, 6, 30, 16, 30)],
            ToLocal(starts));
        Assert.Equal(Naive(anchor, RepeatKind.Monthly, null, Pacific, Utc(2030, 2, 10), Utc(2030, 7, 1)), starts);
    }

    [Fact]
    public void Weekly_WindowCenturiesAfterAnchor_ReturnsTheSameWeekdayAndTime()
    {
        var anchor = Local(2025, 1, 6, 16, 30);

        var starts = Expand(anchor, RepeatKind.Weekly, null, Utc(2525, 6, 1), Utc(2525, 7, 1));
        var locals = ToLocal(starts);

        Assert.InRange(starts.Count, 4, 5);
        Assert.All(locals, l => Assert.Equal(DayOfWeek.Monday, l.DayOfWeek));
        Assert.All(locals, l => Assert.Equal(new TimeSpan(16, 30, 0), l.TimeOfDay));
        Assert.All(locals, l => Assert.Equal(0, (DateOnly.FromDateTime(l).DayNumber - DateOnly.FromDateTime(anchor).DayNumber) % 7));
    }

    [Theory]
    [InlineData("America/Los_Angeles")]
    [InlineData("Australia/Lord_Howe")]
    [InlineData("Pacific/Apia")]
    [InlineData("Europe/London")]
    [InlineData("Asia/Kolkata")]
    public void SkipAhead_MatchesNaiveIteration_ForRandomAnchorsAndWindows(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var random = new Random(20250101);
        var repeats = new[] { RepeatKind.None, RepeatKind.Weekly, RepeatKind.Monthly };
        var nonEmpty = 0;

        for (var i = 0; i < 1500; i++)
        {
            var year = random.Next(2005, 2040);
            var month = random.Next(1, 13);

            // Bias towards the small hours so the DST gap and overlap are hit often.
            var hour = random.Next(3) == 0 ? random.Next(0, 4) : random.Next(0, 24);
            var anchor = Local(year, month, random.Next(1, DateTime.DaysInMonth(year, month) + 1), hour, 15 * random.Next(4));
            var repeat = repeats[random.Next(repeats.Length)];
            DateOnly? endDate = random.Next(3) == 0 ? null : DateOnly.FromDateTime(anchor).AddDays(random.Next(-30, 4000));

            DateTime fromUtc;
            DateTime toUtc;
            if (random.Next(4) == 0)
            {
                // Windows whose edges fall exactly on occurrences exercise the inclusive/exclusive bounds.
                var k = random.Next(0, 300);
                var local = repeat == RepeatKind.Monthly ? anchor.AddMonths(k) : anchor.AddDays(7 * k);
                fromUtc = ClinicClock.ToUtc(local, zone);
                toUtc = ClinicClock.ToUtc(repeat == RepeatKind.Monthly ? local.AddMonths(random.Next(0, 4)) : local.AddDays(7 * random.Next(0, 6)), zone);
            }
            else
            {
                fromUtc = DateTime.SpecifyKind(anchor, DateTimeKind.Utc).AddDays(random.Next(-400, 6000)).AddMinutes(random.Next(0, 1440));
                toUtc = fromUtc.AddDays(random.Next(-5, 400)).AddMinutes(random.Next(0, 1440));
            }

            var expected = Naive(anchor, repeat, endDate, zone, fromUtc, toUtc);
            var actual = Recurrence.Expand(anchor, repeat, endDate, zone, fromUtc, toUtc).ToList();

            Assert.True(expected.SequenceEqual(actual), $"{zoneId} {repeat} anchor {anchor:O} end {endDate} window [{fromUtc:O}, {toUtc:O})");
            Assert.All(actual, s => Assert.Equal(DateTimeKind.Utc, s.Kind));
            Assert.True(actual.Zip(actual.Skip(1)).All(p => p.First < p.Second), "occurrences must be strictly ascending");
            if (actual.Count > 0)
            {
                nonEmpty++;
            }
        }

        // Guards against a generator that only ever produces trivially empty comparisons.
        Assert.True(nonEmpty > 300, $"only {nonEmpty} non-empty cases");
    }

    [Fact]
    public void EmptyWindow_ReturnsNothing()
    {
        var anchor = Local(2025, 1, 6, 16, 30);
        var occurrence = Utc(2025, 1, 7, 0, 30);

        Assert.Empty(Expand(anchor, RepeatKind.Weekly, null, occurrence, occurrence));
        Assert.Empty(Expand(anchor, RepeatKind.Weekly, null, Utc(2025, 2, 1), Utc(2025, 1, 1)));
        Assert.Empty(Expand(anchor, RepeatKind.None, null, occurrence, occurrence));
    }

    [Fact]
    public void Weekly_WindowEndingBeforeAnchor_ReturnsNothing()
    {
        Assert.Empty(Expand(Local(2025, 1, 6, 16, 30), RepeatKind.Weekly, null, Utc(2024, 1, 1), Utc(2025, 1, 7, 0, 30)));
    }

    [Fact]
    public void Weekly_WindowOpeningBeforeAnchor_StartsAtTheAnchor()
    {
        var starts = Expand(Local(2025, 1, 6, 16, 30), RepeatKind.Weekly, null, Utc(2020, 1, 1), Utc(2025, 1, 15));

        Assert.Equal([Utc(2025, 1, 7, 0, 30), Utc(2025, 1, 14, 0, 30)], starts);
    }

    [Fact]
    public void None_AnchorInsideWindow_ReturnsOnlyTheAnchor()
    {
        var starts = Expand(Local(2025, 6, 10, 9, 0), RepeatKind.None, null, Utc(2025, 6, 1), Utc(2026, 6, 1));

        Assert.Equal([Utc(2025, 6, 10, 16, 0)], starts);
    }

    [Fact]
    public void None_AnchorOutsideWindow_ReturnsNothing()
    {
        var anchor = Local(2025, 6, 10, 9, 0);

        Assert.Empty(Expand(anchor, RepeatKind.None, null, Utc(2025, 6, 10, 16, 0).AddTicks(1), Utc(2026, 1, 1)));
        Assert.Empty(Expand(anchor, RepeatKind.None, null, Utc(2025, 5, 1), Utc(2025, 6, 10, 16, 0)));
        Assert.Empty(Expand(anchor, RepeatKind.None, null, Utc(2030, 1, 1), Utc(2031, 1, 1)));
    }

    [Fact]
    public void Monthly_OpenEndedWindow_StopsBeforeTheEndOfTheCalendarInsteadOfThrowing()
    {
        var starts = Expand(Local(2025, 1, 31, 16, 30), RepeatKind.Monthly, null, Utc(2025, 1, 1), DateTime.MaxValue);

        Assert.True(starts.Count > 95_000, $"only {starts.Count} occurrences");
        Assert.Equal(9999, ClinicClock.ToLocal(starts[^1], Pacific).Year);
    }

    [Fact]
    public void Weekly_OpenEndedWindowFarInTheFuture_StopsBeforeTheEndOfTheCalendarInsteadOfThrowing()
    {
        var starts = Expand(Local(2025, 1, 6, 16, 30), RepeatKind.Weekly, null, Utc(9999, 6, 1), DateTime.MaxValue);

        Assert.InRange(starts.Count, 20, 31);
        Assert.All(ToLocal(starts), l => Assert.Equal(DayOfWeek.Monday, l.DayOfWeek));
    }

    [Fact]
    public void Expand_InvalidArguments_ThrowWhenCalledNotWhenEnumerated()
    {
        Assert.Throws<ArgumentNullException>(() => Recurrence.Expand(Local(2025, 1, 6, 16, 30), RepeatKind.Weekly, null, null!, Utc(2025, 1, 1), Utc(2025, 2, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Recurrence.Expand(Local(2025, 1, 6, 16, 30), (RepeatKind)42, null, Pacific, Utc(2025, 1, 1), Utc(2025, 2, 1)));
    }
}
