using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Tests.Domain;

public class RefillCalculatorTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static List<DateOnly> Upcoming(DateOnly first, RefillSchedule schedule, DateOnly? endDate, DateOnly from, DateOnly to) =>
        RefillCalculator.Upcoming(first, schedule, endDate, from, to).ToList();

    /// <summary>The obvious, slow calculation: walk every refill from the first one.</summary>
    private static List<DateOnly> Naive(DateOnly first, RefillSchedule schedule, DateOnly? endDate, DateOnly from, DateOnly to)
    {
        var result = new List<DateOnly>();
        for (var n = 0; ; n++)
        {
            var date = schedule == RefillSchedule.Monthly ? first.AddMonths(n) : first.AddDays(7 * n);
            if (date > to || (endDate is { } end && date > end))
            {
                return result;
            }

            if (date >= from)
            {
                result.Add(date);
            }
        }
    }

    [Fact]
    public void Weekly_ReturnsEverySeventhDayFromFirstRefill()
    {
        var dates = Upcoming(D(2025, 1, 6), RefillSchedule.Weekly, null, D(2025, 1, 1), D(2025, 2, 3));

        Assert.Equal([D(2025, 1, 6), D(2025, 1, 13), D(2025, 1, 20), D(2025, 1, 27), D(2025, 2, 3)], dates);
    }

    [Fact]
    public void Monthly_OnThe31st_ClampsToMonthEndWithoutDrift()
    {
        var dates = Upcoming(D(2025, 1, 31), RefillSchedule.Monthly, null, D(2025, 1, 1), D(2025, 7, 31));

        Assert.Equal([D(2025, 1, 31), D(2025, 2, 28), D(2025, 3, 31), D(2025, 4, 30), D(2025, 5, 31), D(2025, 6, 30), D(2025, 7, 31)], dates);
    }

    [Fact]
    public void Monthly_OnThe31stInLeapYear_ClampsToFebruary29th()
    {
        var dates = Upcoming(D(2028, 1, 31), RefillSchedule.Monthly, null, D(2028, 1, 1), D(2028, 4, 30));

        Assert.Equal([D(2028, 1, 31), D(2028, 2, 29), D(2028, 3, 31), D(2028, 4, 30)], dates);
    }

    [Fact]
    public void Monthly_FirstRefillOnLeapDay_UsesFebruary28thInCommonYearsAndKeepsThe29thOtherwise()
    {
        var commonYear = Upcoming(D(2028, 2, 29), RefillSchedule.Monthly, null, D(2029, 1, 1), D(2029, 3, 31));
        var nextLeapYear = Upcoming(D(2028, 2, 29), RefillSchedule.Monthly, null, D(2032, 2, 1), D(2032, 2, 29));

        Assert.Equal([D(2029, 1, 29), D(2029, 2, 28), D(2029, 3, 29)], commonYear);
        Assert.Equal([D(2032, 2, 29)], nextLeapYear);
    }

    [Fact]
    public void Window_BothBoundsAreInclusive()
    {
        var dates = Upcoming(D(2025, 1, 6), RefillSchedule.Weekly, null, D(2025, 1, 13), D(2025, 1, 27));

        Assert.Equal([D(2025, 1, 13), D(2025, 1, 20), D(2025, 1, 27)], dates);
    }

    [Fact]
    public void Window_OfOneDay_ReturnsTheRefillOnlyIfItFallsThatDay()
    {
        Assert.Equal([D(2025, 1, 20)], Upcoming(D(2025, 1, 6), RefillSchedule.Weekly, null, D(2025, 1, 20), D(2025, 1, 20)));
        Assert.Empty(Upcoming(D(2025, 1, 6), RefillSchedule.Weekly, null, D(2025, 1, 21), D(2025, 1, 21)));
    }

    [Fact]
    public void FromAfterTo_ReturnsNothing()
    {
        Assert.Empty(Upcoming(D(2025, 1, 6), RefillSchedule.Weekly, null, D(2025, 1, 21), D(2025, 1, 20)));
        Assert.Empty(Upcoming(D(2025, 1, 31), RefillSchedule.Monthly, null, D(2025, 12, 31), D(2025, 1, 1)));
    }

    [Theory]
    [InlineData("2025-01-26", 3)]
    [InlineData("2025-01-27", 4)]
    [InlineData("2025-02-02", 4)]
    [InlineData("2025-02-03", 5)]
    public void Weekly_EndDate_IsInclusive(string endDate, int expectedCount)
    {
        var dates = Upcoming(D(2025, 1, 6), RefillSchedule.Weekly, DateOnly.Parse(endDate), D(2025, 1, 1), D(2025, 12, 31));

        Assert.Equal(expectedCount, dates.Count);
        Assert.True(dates[^1] <= DateOnly.Parse(endDate));
    }

    [Fact]
    public void Monthly_RefillOnEndDate_IsIncludedAndTheNextIsNot()
    {
        var dates = Upcoming(D(2025, 1, 31), RefillSchedule.Monthly, D(2025, 4, 30), D(2025, 1, 1), D(2025, 12, 31));

        Assert.Equal([D(2025, 1, 31), D(2025, 2, 28), D(2025, 3, 31), D(2025, 4, 30)], dates);
    }

    [Fact]
    public void EndDateBeforeWindowOrFirstRefill_ReturnsNothing()
    {
        Assert.Empty(Upcoming(D(2025, 1, 6), RefillSchedule.Weekly, D(2025, 1, 5), D(2025, 1, 1), D(2025, 12, 31)));
        Assert.Empty(Upcoming(D(2025, 1, 6), RefillSchedule.Weekly, D(2025, 3, 1), D(2025, 4, 1), D(2025, 12, 31)));
    }

    [Fact]
    public void WindowOpeningBeforeFirstRefill_StartsAtTheFirstRefill()
    {
        var dates = Upcoming(D(2025, 3, 15), RefillSchedule.Monthly, null, D(2025, 1, 1), D(2025, 5, 31));

        Assert.Equal([D(2025, 3, 15), D(2025, 4, 15), D(2025, 5, 15)], dates);
    }

    [Fact]
    public void Monthly_WindowStartingAfterThisMonthsRefill_StartsNextMonth()
    {
        var dates = Upcoming(D(2025, 1, 15), RefillSchedule.Monthly, null, D(2025, 3, 16), D(2025, 5, 20));

        Assert.Equal([D(2025, 4, 15), D(2025, 5, 15)], dates);
    }

    [Fact]
    public void Monthly_WindowFiveYearsLater_MatchesNaiveIterationWithoutDrift()
    {
        var dates = Upcoming(D(2025, 1, 31), RefillSchedule.Monthly, null, D(2030, 2, 1), D(2030, 6, 30));

        Assert.Equal([D(2030, 2, 28), D(2030, 3, 31), D(2030, 4, 30), D(2030, 5, 31), D(2030, 6, 30)], dates);
        Assert.Equal(Naive(D(2025, 1, 31), RefillSchedule.Monthly, null, D(2030, 2, 1), D(2030, 6, 30)), dates);
    }

    [Fact]
    public void Weekly_WindowFiveYearsLater_MatchesNaiveIteration()
    {
        var dates = Upcoming(D(2025, 1, 6), RefillSchedule.Weekly, null, D(2030, 3, 1), D(2030, 4, 1));

        Assert.Equal([D(2030, 3, 4), D(2030, 3, 11), D(2030, 3, 18), D(2030, 3, 25), D(2030, 4, 1)], dates);
        Assert.Equal(Naive(D(2025, 1, 6), RefillSchedule.Weekly, null, D(2030, 3, 1), D(2030, 4, 1)), dates);
    }

    [Fact]
    public void SkipAhead_MatchesNaiveIteration_ForRandomFirstRefillsAndWindows()
    {
        var random = new Random(20250131);
        var nonEmpty = 0;

        for (var i = 0; i < 5000; i++)
        {
            var year = random.Next(2000, 2040);
            var month = random.Next(1, 13);
            var first = D(year, month, random.Next(1, DateTime.DaysInMonth(year, month) + 1));
            var schedule = random.Next(2) == 0 ? RefillSchedule.Weekly : RefillSchedule.Monthly;
            DateOnly? endDate = random.Next(3) == 0 ? null : first.AddDays(random.Next(-30, 4000));
            var from = first.AddDays(random.Next(-400, 6000));
            var to = from.AddDays(random.Next(-5, 400));

            var expected = Naive(first, schedule, endDate, from, to);
            var actual = Upcoming(first, schedule, endDate, from, to);

            Assert.True(expected.SequenceEqual(actual), $"{schedule} first {first} end {endDate} window [{from}, {to}]");
            if (actual.Count > 0)
            {
                nonEmpty++;
            }
        }

        // Guards against a generator that only ever produces trivially empty comparisons.
        Assert.True(nonEmpty > 1000, $"only {nonEmpty} non-empty cases");
    }

    [Fact]
    public void OpenEndedWindow_StopsAtTheEndOfTheCalendarInsteadOfThrowing()
    {
        var weekly = Upcoming(D(2025, 1, 6), RefillSchedule.Weekly, null, D(9999, 1, 1), DateOnly.MaxValue);
        var monthly = Upcoming(D(2025, 1, 31), RefillSchedule.Monthly, null, D(9999, 1, 1), DateOnly.MaxValue);

        Assert.True(weekly[^1].DayNumber + 7 > DateOnly.MaxValue.DayNumber);
        Assert.Equal(52, weekly.Count);
        Assert.Equal(D(9999, 12, 31), monthly[^1]);
        Assert.Equal(12, monthly.Count);
    }

    [Fact]
    public void Upcoming_UnknownSchedule_ThrowsWhenCalledNotWhenEnumerated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RefillCalculator.Upcoming(D(2025, 1, 6), (RefillSchedule)42, null, D(2025, 1, 1), D(2025, 2, 1)));
    }
}
