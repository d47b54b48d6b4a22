using System.Net;
using Bunit;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceTracker.Tests.Web;

public sealed class DashboardBudgetCardTests : WebTestContext
{
    private static readonly Transaction Coffee = new(1, 1, 10, new DateOnly(2026, 11, 20), -4.50m, "EUR", "Coffee corner", null, [], 1);

    public DashboardBudgetCardTests()
    {
        Services.AddSingleton<TimeProvider>(new FixedTime(new DateOnly(2026, 11, 20)));
        Api.On(HttpMethod.Get, "/api/accounts", HttpStatusCode.OK, Accounts)
           .On(HttpMethod.Get, "/api/categories", HttpStatusCode.OK, Categories)
           .On(HttpMethod.Get, "/api/transactions", HttpStatusCode.OK, new TransactionPage([Coffee], 1, [], null))
           .On(HttpMethod.Get, "/api/analytics/summary", HttpStatusCode.OK, new SummaryReport(
               new AnalyticsRange(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), null), [new("EUR", 0m, 4.50m, -4.50m, 1, 4.50m)]));
    }

    private AngleSharp.Dom.IElement Card(IRenderedComponent<Dashboard> cut)
    {
        cut.WaitForAssertion(() => cut.Find("section[aria-labelledby='budget-card-heading']"));
        return cut.Find("section[aria-labelledby='budget-card-heading']");
    }

    [Fact]
    public void ShowsHowMuchOfThisMonthsBudgetIsUsedAndWhichCategoriesWentOver()
    {
        Api.On(HttpMethod.Get, "/api/budgets/2026-11", HttpStatusCode.OK, new BudgetResponse("2026-11", "EUR",
            [
                new(10, "Groceries", null, 300m, 0m, false, 300m, 120.50m, 179.50m, 40.2m, false),
                new(12, "Eating out", null, 50m, 0m, false, 50m, 75m, -25m, 150m, true),
                new(13, "Taxis", null, 20m, 0m, false, 20m, 32.40m, -12.40m, 162m, true),
            ],
            new BudgetTotals(370m, 227.90m, 142.10m), []));

        var card = Card(Render<Dashboard>());

        Assert.Contains("€227.90", card.TextContent);
        Assert.Contains("of €370.00 used · 61.6%", card.TextContent);
        var bar = card.QuerySelector("[role=progressbar]")!;
        Assert.Equal(("This month's budget used", "227.9", "370"),
            (bar.GetAttribute("aria-label"), bar.GetAttribute("aria-valuenow"), bar.GetAttribute("aria-valuemax")));
        var over = card.QuerySelectorAll("ul[aria-label='Over budget'] li").Select(li => li.TextContent.Trim()).ToArray();
        Assert.Equal(["Eating out €25.00 over", "Taxis €12.40 over"], over);
        Assert.DoesNotContain("Groceries", card.TextContent);
    }

    [Fact]
    public void WithNoBudgetThisMonthItLinksToSetOne()
    {
        Api.On(HttpMethod.Get, "/api/budgets/2026-11", HttpStatusCode.OK,
            new BudgetResponse("2026-11", "EUR", [], new BudgetTotals(0m, 0m, 0m), [new(10, "Groceries", 4.50m)]));

        var card = Card(Render<Dashboard>());

        Assert.Contains("No budget for November yet.", card.TextContent);
        var link = card.QuerySelectorAll("a").Single(a => a.TextContent == "Set a budget");
        Assert.Equal("/budgets", link.GetAttribute("href"));
        Assert.Empty(card.QuerySelectorAll("[role=progressbar]"));
    }

    private sealed class FixedTime(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
