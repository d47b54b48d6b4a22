using FinanceTracker.Api.Recurring;

namespace FinanceTracker.Tests.Recurring;

public sealed class RecurrenceScheduleTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date);

    private static string[] Dates(RecurrenceSchedule schedule, int take = 100) =>
        schedule.Occurrences().Take(take).Select(d => d.ToString("yyyy-MM-dd")).ToArray();

    [Fact]
    public void MonthlyOnThe31stLandsOnTheLastDayOfShortMonthsAndComesBack()
    {
        var schedule = new RecurrenceSchedule(RecurringFrequency.Monthly, 1, DayOfMonth.Of(31), D("2026-01-31"));

        Assert.Equal(["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31"], Dates(schedule, 5));
    }

    [Fact]
    public void MonthlyFromThe31stWithoutADayKeepsTheStartsDay()
    {
        var schedule = new RecurrenceSchedule(RecurringFrequency.Monthly, 1, null, D("2028-01-31"));

        Assert.Equal(["2028-01-31", "2028-02-29", "2028-03-31"], Dates(schedule, 3));
    }

    [Fact]
    public void MonthlyOnThe30thIsOnThe29thOfFebruaryInALeapYear()
    {
        var schedule = new RecurrenceSchedule(RecurringFrequency.Monthly, 1, DayOfMonth.Of(30), D("2024-01-30"));

        Assert.Equal(["2024-01-30", "2024-02-29", "2024-03-30"], Dates(schedule, 3));
    }

    [Fact]
    public void LastIsAlwaysTheMonthsLastDay()
    {
        var schedule = new RecurrenceSchedule(RecurringFrequency.Monthly, 1, DayOfMonth.Last, D("2027-11-05"));

        Assert.Equal(["2027-11-30", "2027-12-31", "2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30"], Dates(schedule, 6));
    }

    [Fact]
    public void YearlyOnThe29thOfFebruaryIsOnThe28thInOtherYears()
    {
        var schedule = new RecurrenceSchedule(RecurringFrequency.Yearly, 1, null, D("2024-02-29"));

        Assert.Equal(["2024-02-29", "2025-02-28", "2026-02-28", "2027-02-28", "2028-02-29"], Dates(schedule, 5));
    }

    [Fact]
    public void WeeklyCrossesTheYearEndOnTheSameWeekday()
    {
        var schedule = new RecurrenceSchedule(RecurringFrequency.Weekly, 1, null, D("2026-12-17"));

        var dates = schedule.Occurrences().Take(4).ToList();
        Assert.Equal([D("2026-12-17"), D("2026-12-24"), D("2026-12-31"), D("2027-01-07")], dates);
        Assert.All(dates, d => Assert.Equal(DayOfWeek.Thursday, d.DayOfWeek));
    }

    [Theory]
    [InlineData(RecurringFrequency.Daily, 3, "2026-12-30", new[] { "2026-12-30", "2027-01-02", "2027-01-05" })]
    [InlineData(RecurringFrequency.Weekly, 2, "2026-12-21", new[] { "2026-12-21", "2027-01-04", "2027-01-18" })]
    [InlineData(RecurringFrequency.Monthly, 3, "2026-11-15", new[] { "2026-11-15", "2027-02-15", "2027-05-15" })]
    [InlineData(RecurringFrequency.Yearly, 2, "2026-06-01", new[] { "2026-06-01", "2028-06-01", "2030-06-01" })]
    public void EveryNSkipsTheRightAmount(RecurringFrequency frequency, int interval, string start, string[] expected)
    {
        Assert.Equal(expected, Dates(new RecurrenceSchedule(frequency, interval, null, D(start)), 3));
    }

    [Fact]
    public void ADayEarlierThanTheStartBeginsNextMonthAndCountCountsOnlyRealOccurrences()
    {
        var schedule = new RecurrenceSchedule(RecurringFrequency.Monthly, 1, DayOfMonth.Of(5), D("2026-03-20"), Count: 3);

        Assert.Equal(["2026-04-05", "2026-05-05", "2026-06-05"], Dates(schedule));
    }

    [Fact]
    public void TheEndDateIsIncludedAndNothingComesAfterIt()
    {
        var schedule = new RecurrenceSchedule(RecurringFrequency.Weekly, 1, null, D("2026-01-01"), End: D("2026-01-29"));

        Assert.Equal(["2026-01-01", "2026-01-08", "2026-01-15", "2026-01-22", "2026-01-29"], Dates(schedule));
    }

    [Fact]
    public void TheEarlierOfCountAndEndDateWins()
    {
        var byCount = new RecurrenceSchedule(RecurringFrequency.Daily, 1, null, D("2026-01-01"), End: D("2026-12-31"), Count: 2);
        var byEnd = new RecurrenceSchedule(RecurringFrequency.Daily, 1, null, D("2026-01-01"), End: D("2026-01-03"), Count: 10);

        Assert.Equal(["2026-01-01", "2026-01-02"], Dates(byCount));
        Assert.Equal(["2026-01-01", "2026-01-02", "2026-01-03"], Dates(byEnd));
    }

    [Fact]
    public void AnEndlessRuleStopsAtTheLastAcceptedDate()
    {
        var schedule = new RecurrenceSchedule(RecurringFrequency.Yearly, 100, null, D("2000-12-31"));

        Assert.Equal(["2000-12-31", "2100-12-31"], Dates(schedule));
    }

    [Fact]
    public void FirstOnOrAfterAndBetweenFindTheRightOccurrences()
    {
        var schedule = new RecurrenceSchedule(RecurringFrequency.Monthly, 1, DayOfMonth.Of(31), D("2026-01-31"), Count: 4);

        Assert.Equal(D("2026-02-28"), schedule.FirstOnOrAfter(D("2026-02-01")));
        Assert.Equal(D("2026-03-31"), schedule.FirstOnOrAfter(D("2026-03-01")));
        Assert.Null(schedule.FirstOnOrAfter(D("2026-05-01")));
        Assert.Equal([D("2026-02-28"), D("2026-03-31")], schedule.Between(D("2026-02-01"), D("2026-04-29")));
    }
}
