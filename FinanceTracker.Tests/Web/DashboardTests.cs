using System.Net;
using Bunit;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Dashboard;

namespace FinanceTracker.Tests.Web;

public sealed class DashboardTests : WebTestContext
{
    private static readonly Transaction Coffee = new(1, 1, 10, new DateOnly(2026, 11, 20), -4.50m, "EUR", "Coffee corner", null, [], 1);

    private void Serve(IReadOnlyList<Account> accounts, TransactionPage recent)
    {
        Api.On(HttpMethod.Get, "/api/accounts", HttpStatusCode.OK, accounts)
           .On(HttpMethod.Get, "/api/categories", HttpStatusCode.OK, Categories)
           .On(HttpMethod.Get, "/api/transactions", HttpStatusCode.OK, recent)
           // This month's income and spending come from the summary report (transfers and refunds counted by its rule).
           .On(HttpMethod.Get, "/api/analytics/summary", HttpStatusCode.OK, new SummaryReport(
               new AnalyticsRange(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), null),
               recent.Items.Count == 0 ? [] : [new("EUR", 2500m, 42.10m, 2457.90m, 2, 42.10m), new("JPY", 0m, 1200m, -1200m, 1, 1200m)]));
    }

    [Fact]
    public void ANewPersonIsToldWhatToDoFirst()
    {
        Serve([], new TransactionPage([], 0, [], null));

        var cut = Render<Dashboard>();

        cut.WaitForAssertion(() => Assert.Contains("Welcome to FinanceTracker", cut.Markup));
        Assert.True(cut.HasButton("Add account"));
        Assert.Equal("true", cut.Button("Add transaction").GetAttribute("aria-disabled"));
    }

    [Fact]
    public void ShowsThisMonthsIncomeSpendingAndNetPerCurrency()
    {
        Serve(Accounts, new TransactionPage([Coffee], 1, [], null));

        var cut = Render<Dashboard>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[aria-label^='This month in']").Count));
        var euro = cut.Find("[aria-label='This month in EUR']").TextContent;
        Assert.Contains("+€2,500.00", euro);
        Assert.Contains("\u2212€42.10", euro);
        Assert.Contains("+€2,457.90", euro);
        var yen = cut.Find("[aria-label='This month in JPY']").TextContent;
        Assert.Contains("\u2212¥1,200", yen);
        Assert.Contains("Coffee corner", cut.Markup);
    }

    [Fact]
    public void SaysSoWhenTheServiceIsDown()
    {
        Api.On(HttpMethod.Get, "/api/accounts", _ => throw new HttpRequestException("Connection refused"));

        var cut = Render<Dashboard>();

        cut.WaitForAssertion(() => Assert.Contains("can't reach the FinanceTracker service", cut.Markup));
        Assert.True(cut.HasButton("Try again"));
    }
}
