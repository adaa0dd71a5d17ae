using ZealthyEmr.Domain.Scheduling;
using static ZealthyEmr.Tests.Domain.RecurrenceClock;

namespace ZealthyEmr.Tests.Domain;

/// <summary>A series expanded over a window: bounds, far windows skipped ahead to (against the naive walk), open ends and bad arguments.</summary>
public class RecurrenceWindowTests
{
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
