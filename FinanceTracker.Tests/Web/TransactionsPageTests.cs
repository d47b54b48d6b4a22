using System.Net;
using Bunit;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Transactions;

namespace FinanceTracker.Tests.Web;

public sealed class TransactionsPageTests : WebTestContext
{
    private static Transaction Row(long id, string payee) =>
        new(id, 1, 10, new DateOnly(2026, 11, 20), -id, "EUR", payee, null, [], 1);

    /// <summary>The pages asked for (not the totals).</summary>
    private IReadOnlyList<string> TransactionRequests =>
        Api.Requests.Where(r => r.PathAndQuery.StartsWith("/api/transactions?")).Select(r => r.PathAndQuery).ToList();

    private int TotalsRequests => Api.Requests.Count(r => r.PathAndQuery.StartsWith("/api/transactions/totals"));

    public TransactionsPageTests()
    {
        Api.On(HttpMethod.Get, "/api/accounts", HttpStatusCode.OK, Accounts)
           .On(HttpMethod.Get, "/api/categories", HttpStatusCode.OK, Categories)
           .On(HttpMethod.Get, "/api/transactions", request => FakeApi.Json(HttpStatusCode.OK,
               request.RequestUri!.Query.Contains("cursor=page2")
                   ? new TransactionPage([Row(51, "Second page payee")], 51, [new("EUR", -100m)], null)
                   : new TransactionPage([Row(1, "First page payee")], 51, [new("EUR", -100m)], "page2")))
           .On(HttpMethod.Get, "/api/transactions/totals", HttpStatusCode.OK, new TransactionTotals(51, [new("EUR", -100m)]));
    }

    [Fact]
    public void PagesForwardAndBackWithTheApisCursor()
    {
        var cut = Render<Transactions>();
        cut.WaitForAssertion(() => Assert.Contains("First page payee", cut.Markup));
        Assert.Contains("1–1 of 51", cut.Markup);

        cut.Button("Next page").Click();
        cut.WaitForAssertion(() => Assert.Contains("Second page payee", cut.Markup));
        Assert.Contains("51–51 of 51", cut.Markup);
        Assert.Contains("cursor=page2", TransactionRequests[^1]);

        cut.Button("Previous page").Click();
        cut.WaitForAssertion(() => Assert.Contains("First page payee", cut.Markup));
        Assert.DoesNotContain("cursor=", TransactionRequests[^1]);
    }

    [Fact]
    public void PagingAsksTheTotalsOnceAndAFilterAsksThemAgain()
    {
        var cut = Render<Transactions>();
        cut.WaitForAssertion(() => Assert.Contains("1–1 of 51", cut.Markup));
        Assert.Contains("Net EUR", cut.Markup);
        Assert.Equal(1, TotalsRequests);
        Assert.All(TransactionRequests, r => Assert.Contains("totals=false", r));

        cut.Button("Next page").Click();
        cut.WaitForAssertion(() => Assert.Contains("51–51 of 51", cut.Markup));
        cut.Button("Previous page").Click();
        cut.WaitForAssertion(() => Assert.Contains("1–1 of 51", cut.Markup));
        Assert.Equal(1, TotalsRequests);

        cut.Button("Filters").Click();
        cut.Field("From").Change("2026-11-01");
        cut.WaitForAssertion(() => Assert.Equal(2, TotalsRequests));
        Assert.Contains("from=2026-11-01", Api.Requests.Last(r => r.PathAndQuery.StartsWith("/api/transactions/totals")).PathAndQuery);
        Assert.DoesNotContain("cursor=", Api.Requests.Last(r => r.PathAndQuery.StartsWith("/api/transactions/totals")).PathAndQuery);
    }

    [Fact]
    public void TheListIsAGridOfGridcellsWithTheExpectedColumns()
    {
        var cut = Render<Transactions>();
        cut.WaitForAssertion(() => Assert.Contains("First page payee", cut.Markup));

        var table = cut.Find("table");
        Assert.Equal("grid", table.GetAttribute("role"));
        Assert.All(table.QuerySelectorAll("tbody td"), td => Assert.Equal("gridcell", td.GetAttribute("role")));
        Assert.Equal(["Date", "Payee", "Category", "Account", "Amount"],
            table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToArray());
    }

    [Fact]
    public void FiltersGoToTheApiAndStartFromTheFirstPage()
    {
        var cut = Render<Transactions>();
        cut.WaitForAssertion(() => Assert.Contains("First page payee", cut.Markup));
        cut.Button("Next page").Click();
        cut.WaitForAssertion(() => Assert.Contains("Second page payee", cut.Markup));

        cut.Button("Filters").Click();
        cut.Field("Account").Change(Checking.Id.ToString());
        cut.Field("From").Change("2026-11-01");

        cut.WaitForAssertion(() => Assert.Contains("from=2026-11-01", TransactionRequests[^1]));
        Assert.Contains("accountId=1", TransactionRequests[^1]);
        Assert.DoesNotContain("cursor=", TransactionRequests[^1]);
    }
}
