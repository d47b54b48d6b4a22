using System.Net;
using Bunit;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Dashboard.Insights;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceTracker.Tests.Web;

public sealed class InsightsTests : WebTestContext
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    public InsightsTests()
    {
        Services.AddScoped<Radzen.TooltipService>();
        Services.AddSingleton<TimeProvider>(new FixedTime(Today));
        // The chart measures its box in the browser before drawing.
        JSInterop.Setup<Radzen.Blazor.Rendering.Rect>("Radzen.createChart", _ => true)
            .SetResult(new Radzen.Blazor.Rendering.Rect { Width = 400, Height = 300 });
    }

    [Theory]
    [InlineData(PeriodPreset.ThisMonth, "2026-11-01", "2026-11-30")]
    [InlineData(PeriodPreset.Last3Months, "2026-09-01", "2026-11-30")]
    [InlineData(PeriodPreset.Last12Months, "2025-12-01", "2026-11-30")]
    [InlineData(PeriodPreset.ThisYear, "2026-01-01", "2026-12-31")]
    public void APresetCoversWholeCalendarMonths(PeriodPreset preset, string from, string to)
    {
        var period = InsightsPeriod.For(preset, Today);

        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), (period.From, period.To));
    }

    [Fact]
    public void ChoosingAPresetAsksTheApiForItsDates()
    {
        GivenReports(Eur);
        var cut = Render<InsightsSection>(p => p.Add(c => c.Accounts, Accounts));
        cut.WaitForAssertion(() => Assert.Contains("Spending by category", cut.Markup));

        cut.Field("Period").Change(nameof(PeriodPreset.ThisMonth));

        cut.WaitForAssertion(() => Assert.Contains(Api.Requests, r => r.PathAndQuery == "/api/analytics/summary?from=2026-11-01&to=2026-11-30"));
        Assert.Equal("2026-11-01", cut.Field("From").GetAttribute("value"));
        Assert.Equal("2026-11-30", cut.Field("To").GetAttribute("value"));
    }

    [Fact]
    public void TheDefaultPeriodIsTheLastTwelveMonthsAndAnAccountNarrowsIt()
    {
        GivenReports(Eur);
        var cut = Render<InsightsSection>(p => p.Add(c => c.Accounts, Accounts));
        cut.WaitForAssertion(() => Assert.Contains(Api.Requests, r => r.PathAndQuery == "/api/analytics/monthly?from=2025-12-01&to=2026-11-30"));

        cut.Field("Account").Change(Checking.Id.ToString());

        cut.WaitForAssertion(() => Assert.Contains(Api.Requests, r => r.PathAndQuery == "/api/analytics/monthly?from=2025-12-01&to=2026-11-30&accountId=1"));
        Assert.Contains(Api.Requests, r => r.PathAndQuery == "/api/analytics/daily?month=2026-11&accountId=1");
    }

    [Fact]
    public void AMonthStartingOnSundayTakesSixWeekRowsFromMondayToSunday()
    {
        var weeks = CalendarLayout.Weeks(new DateOnly(2026, 11, 1)); // 1 November 2026 is a Sunday

        Assert.Equal(6, weeks.Count);
        Assert.All(weeks, w => Assert.Equal(7, w.Length));
        Assert.Equal([null, null, null, null, null, null, new DateOnly(2026, 11, 1)], weeks[0]);
        Assert.Equal(new DateOnly(2026, 11, 2), weeks[1][0]);
        Assert.Equal([new DateOnly(2026, 11, 30), null, null, null, null, null, null], weeks[5]);
    }

    [Fact]
    public void TheCalendarShadesDaysByTheirSpending()
    {
        GivenReports(Eur);
        var cut = Render<SpendingCalendar>(p => p.Add(c => c.Month, new DateOnly(2026, 11, 1)).Add(c => c.Currency, "EUR"));

        cut.WaitForAssertion(() => Assert.Equal(30, cut.FindAll(".calendar .day:not(.outside)").Count));
        var cells = cut.FindAll(".calendar .day");
        Assert.Equal(6, cells.TakeWhile(c => c.ClassList.Contains("outside")).Count());
        Assert.Contains("level-4", cut.Find(".calendar .day[title^='Mon 23 Nov']").ClassList);
        Assert.Contains("level-1", cut.Find(".calendar .day[title^='Tue 3 Nov']").ClassList);
        Assert.Contains("level-0", cut.Find(".calendar .day[title^='Wed 4 Nov']").ClassList);
        Assert.Equal(["Tuesday 3 November€10.00", "Monday 23 November€144.40"],
            cut.FindAll("caption:contains('Spending per day') ~ tbody tr").Select(r => r.TextContent.Trim()));
    }

    [Fact]
    public void TheTablesCarryTheChartsNumbers()
    {
        GivenReports(Eur);
        var cut = Render<InsightsSection>(p => p.Add(c => c.Accounts, Accounts));

        cut.WaitForAssertion(() => Assert.Contains("Spending by category, EUR", cut.Markup));
        Assert.Equal(["Groceries€109.5075.8%", "Dining€34.9024.2%"], Rows(cut, "Spending by category, EUR"));
        Assert.Equal(["Oct 2026€0.00€0.00€0.00", "Nov 2026€2,500.00€144.40+€2,355.60"], Rows(cut, "Income, spending and net per month, EUR"));
        Assert.Equal(["Corner grocer€86.402", "Trattoria Roma€34.901"], Rows(cut, "Top payees by spending, EUR"));
        Assert.All(cut.FindAll("table.chart-table"), t => Assert.NotNull(t.QuerySelector("caption")));
    }

    [Fact]
    public void SwitchingCurrencyShowsThatCurrencysNumbersAlone()
    {
        GivenReports(Eur, Jpy);
        var cut = Render<InsightsSection>(p => p.Add(c => c.Accounts, Accounts));
        cut.WaitForAssertion(() => Assert.Contains("Spending by category, EUR", cut.Markup));

        cut.Button("JPY").Click();

        cut.WaitForAssertion(() => Assert.Equal(["Dining¥4,800100%"], Rows(cut, "Spending by category, JPY")));
        Assert.DoesNotContain("Groceries", cut.Find(".legend").TextContent);
        Assert.Equal("true", cut.Button("JPY").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void EachChartSaysWhenThereIsNothingToShow()
    {
        GivenReports(Eur with { Categories = [], Months = [new("2026-11", 2500m, 0m, 2500m)], Payees = [] });
        var cut = Render<InsightsSection>(p => p.Add(c => c.Accounts, Accounts));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("p:contains('No spending in this period')").Count));
        Assert.Contains("Income and spending per month", cut.Markup);
        Assert.Empty(cut.FindAll("p:contains('No income or spending in this period')"));
    }

    [Fact]
    public void APeriodWithoutTransactionsSaysSo()
    {
        GivenReports();
        var cut = Render<InsightsSection>(p => p.Add(c => c.Accounts, Accounts));

        cut.WaitForAssertion(() => Assert.Contains("No transactions in this period", cut.Markup));
        Assert.Empty(cut.FindAll("table.chart-table"));
    }

    private static List<string> Rows<T>(IRenderedComponent<T> cut, string caption) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll("table.chart-table").Single(t => t.QuerySelector("caption")!.TextContent.Trim() == caption)
            .QuerySelectorAll("tbody tr").Select(r => string.Concat(r.Children.Select(c => c.TextContent.Trim()))).ToList();

    private sealed record Ledger(
        string Currency, long Count, decimal Income, decimal Spending,
        IReadOnlyList<CategoryShare> Categories, IReadOnlyList<MonthAmounts> Months, IReadOnlyList<PayeeSpending> Payees,
        IReadOnlyList<DaySpending> Days);

    private static readonly Ledger Eur = new("EUR", 5, 2500m, 144.40m,
        [new(10, "Groceries", "#2E7D32", 109.50m, 75.8m, []), new(11, "Dining", null, 34.90m, 24.2m, [])],
        [new("2026-10", 0m, 0m, 0m), new("2026-11", 2500m, 144.40m, 2355.60m)],
        [new("Corner grocer", 86.40m, 2), new("Trattoria Roma", 34.90m, 1)],
        [new(new DateOnly(2026, 11, 3), 10m), new(new DateOnly(2026, 11, 23), 144.40m)]);

    private static readonly Ledger Jpy = new("JPY", 1, 0m, 4800m,
        [new(11, "Dining", null, 4800m, 100m, [])],
        [new("2026-10", 0m, 0m, 0m), new("2026-11", 0m, 4800m, -4800m)],
        [new("Ramen stand", 4800m, 1)],
        [new(new DateOnly(2026, 11, 23), 4800m)]);

    private void GivenReports(params Ledger[] ledgers)
    {
        var range = new AnalyticsRange(Today, Today, null);
        Api.On(HttpMethod.Get, "/api/analytics/summary", HttpStatusCode.OK, new SummaryReport(range,
            ledgers.Select(l => new CurrencySummary(l.Currency, l.Income, l.Spending, l.Income - l.Spending, l.Count, l.Spending / 12)).ToList()));
        Api.On(HttpMethod.Get, "/api/analytics/by-category", HttpStatusCode.OK, new CategoryReport(range,
            ledgers.Select(l => new CurrencyCategories(l.Currency, l.Spending, l.Income, l.Categories, [])).ToList()));
        Api.On(HttpMethod.Get, "/api/analytics/monthly", HttpStatusCode.OK, new MonthlyReport(range,
            ledgers.Select(l => new CurrencyMonths(l.Currency, l.Months)).ToList()));
        Api.On(HttpMethod.Get, "/api/analytics/top-payees", HttpStatusCode.OK, new TopPayeesReport(range,
            ledgers.Select(l => new CurrencyPayees(l.Currency, l.Payees)).ToList()));
        Api.On(HttpMethod.Get, "/api/analytics/daily", HttpStatusCode.OK, new DailyReport("2026-11", null,
            ledgers.Select(l => new CurrencyDays(l.Currency, l.Days)).ToList()));
    }

    private sealed class FixedTime(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
