using System.Net;
using Bunit;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Transactions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceTracker.Tests.Web;

/// <summary>Tags on the rows, the tag filter, and the transactions page keeping its filters and page in the URL.</summary>
public sealed class TransactionsPlaceTests : WebTestContext
{
    private static Transaction Row(long id, string payee, params string[] tags) =>
        new(id, 1, 10, new DateOnly(2026, 11, 20), -id, "EUR", payee, null, tags, 1);

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private string LastTransactionsRequest => Api.Requests.Last(r => r.PathAndQuery.StartsWith("/api/transactions?")).PathAndQuery;

    public TransactionsPlaceTests()
    {
        Api.On(HttpMethod.Get, "/api/accounts", HttpStatusCode.OK, Accounts)
           .On(HttpMethod.Get, "/api/categories", HttpStatusCode.OK, Categories)
           .On(HttpMethod.Get, "/api/tags", HttpStatusCode.OK, new[] { new TagCount("holiday", 3), new TagCount("shared", 1) })
           .On(HttpMethod.Get, "/api/transactions", request => FakeApi.Json(HttpStatusCode.OK,
               request.RequestUri!.Query.Contains("cursor=page2")
                   ? new TransactionPage([Row(51, "Second page payee")], 51, [new("EUR", -100m)], null)
                   : new TransactionPage([Row(1, "Beach hut", "holiday", "shared")], 51, [new("EUR", -100m)], "page2")))
           .On(HttpMethod.Get, "/api/transactions/totals", HttpStatusCode.OK, new TransactionTotals(51, [new("EUR", -100m)]));
    }

    [Fact]
    public void RowsShowTheirTagsAsBadges()
    {
        var cut = Render<Transactions>();
        cut.WaitForAssertion(() => Assert.Contains("Beach hut", cut.Markup));

        var row = cut.FindAll("tbody tr").Single(r => r.TextContent.Contains("Beach hut"));
        Assert.Equal(["holiday", "shared"], row.QuerySelectorAll(".tag").Select(t => t.TextContent.Trim()));
    }

    [Fact]
    public void ChoosingATagFiltersTheApiAndPutsTheTagInTheUrl()
    {
        var cut = Render<Transactions>();
        cut.WaitForAssertion(() => Assert.Contains("Beach hut", cut.Markup));
        cut.Button("Filters").Click();

        Assert.Equal(["All tags", "holiday (3)", "shared (1)"], cut.Field("Tag").QuerySelectorAll("option").Select(o => o.TextContent.Trim()));
        cut.Field("Tag").Change("holiday");

        cut.WaitForAssertion(() => Assert.Contains("tag=holiday", LastTransactionsRequest));
        Assert.EndsWith("/transactions?tag=holiday", Navigation.Uri);
    }

    [Fact]
    public void FiltersAndPageComeBackFromTheUrl()
    {
        Navigation.NavigateTo("/transactions?tag=holiday&accountId=1&from=2026-11-01&min=-50&after=page2");

        var cut = Render<Transactions>();

        cut.WaitForAssertion(() => Assert.Contains("Second page payee", cut.Markup));
        Assert.Contains("tag=holiday", LastTransactionsRequest);
        Assert.Contains("accountId=1", LastTransactionsRequest);
        Assert.Contains("from=2026-11-01", LastTransactionsRequest);
        Assert.Contains("minAmount=-50", LastTransactionsRequest);
        Assert.Contains("cursor=page2", LastTransactionsRequest);
        Assert.Contains("51–51 of 51", cut.Markup);
        // The panel is open and shows what is applied.
        Assert.Equal("holiday", cut.Field("Tag").GetAttribute("value"));
        Assert.Equal("2026-11-01", cut.Field("From").GetAttribute("value"));
        Assert.Equal("-50", cut.Field("Amount from").GetAttribute("value"));

        // Previous goes back to the first page of the same filters.
        cut.Button("Previous page").Click();
        cut.WaitForAssertion(() => Assert.Contains("Beach hut", cut.Markup));
        Assert.DoesNotContain("cursor=", LastTransactionsRequest);
        Assert.Contains("tag=holiday", LastTransactionsRequest);
        Assert.DoesNotContain("after=", Navigation.Uri);
    }

    [Fact]
    public void BackToAnEarlierUrlShowsItsFiltersAgain()
    {
        var cut = Render<Transactions>();
        cut.WaitForAssertion(() => Assert.Contains("Beach hut", cut.Markup));
        cut.Button("Filters").Click();
        cut.Field("Tag").Change("holiday");
        cut.WaitForAssertion(() => Assert.Contains("tag=holiday", LastTransactionsRequest));

        Navigation.NavigateTo("/transactions?tag=shared");

        cut.WaitForAssertion(() => Assert.Contains("tag=shared", LastTransactionsRequest));
        cut.WaitForAssertion(() => Assert.Equal("shared", cut.Field("Tag").GetAttribute("value")));
    }

    [Fact]
    public void AFromDateAfterTheToDateIsAFieldErrorNotAnEmptyList()
    {
        var cut = Render<Transactions>();
        cut.WaitForAssertion(() => Assert.Contains("Beach hut", cut.Markup));
        var asked = Api.Requests.Count(r => r.PathAndQuery.StartsWith("/api/transactions"));
        cut.Button("Filters").Click();

        cut.Field("To").Change("2026-11-01");
        cut.WaitForAssertion(() => Assert.Contains("to=2026-11-01", LastTransactionsRequest));
        asked = Api.Requests.Count(r => r.PathAndQuery.StartsWith("/api/transactions"));
        cut.Field("From").Change("2026-11-30");

        cut.WaitForAssertion(() => Assert.Equal(["From is after To (1 Nov 2026). Choose a date on or before it."], cut.MessagesOf("From")));
        Assert.Equal("true", cut.Field("From").GetAttribute("aria-invalid"));
        Assert.DoesNotContain("No transactions match", cut.Markup);
        Assert.Equal(asked, Api.Requests.Count(r => r.PathAndQuery.StartsWith("/api/transactions")));
        Assert.Contains("from=2026-11-30", Navigation.Uri);
    }
}
