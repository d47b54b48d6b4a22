using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>Payees suggested from history and merged in one go; tags suggested and totalled per currency.</summary>
public sealed class PayeeAndTagTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private sealed record Payee(string Name, long Count, string LastDate, long? LastCategoryId);
    private sealed record Merged(string Into, long Transactions, long RecurringRules);
    private sealed record TagCount(string Tag, long Count);
    private sealed record TagTotals(string Tag, long Count, decimal MoneyIn, decimal MoneyOut, decimal Net);
    private sealed record CurrencyTags(string Currency, List<TagTotals> Tags);
    private sealed record TagsReport(List<CurrencyTags> Currencies);

    [Fact]
    public async Task PayeesAreSuggestedByPrefixMostUsedFirstWithTheirLastCategory()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var categories = await client.CategoriesAsync();
        var (groceries, dining) = (categories.First(c => c.Name == "Groceries"), categories.First(c => c.Name == "Dining"));
        await client.CreateTransactionAsync(account.Id, -10m, "2026-01-05", "Albert Heijn", categoryId: dining.Id);
        await client.CreateTransactionAsync(account.Id, -12m, "2026-02-05", "Albert Heijn", categoryId: groceries.Id);
        await client.CreateTransactionAsync(account.Id, -3m, "2026-02-01", "albert heijn", categoryId: dining.Id);
        await client.CreateTransactionAsync(account.Id, -8m, "2026-01-09", "Aldi");
        await client.CreateTransactionAsync(account.Id, -8m, "2026-01-09", "Bakery 50%");

        var suggested = await client.GetFromJsonAsync<List<Payee>>("/api/payees?q=al");

        Assert.Equal([("Albert Heijn", 3L, "2026-02-05", (long?)groceries.Id), ("Aldi", 1L, "2026-01-09", null)],
            suggested!.Select(p => (p.Name, p.Count, p.LastDate, p.LastCategoryId)));
        Assert.Equal(["Bakery 50%"], (await client.GetFromJsonAsync<List<Payee>>("/api/payees?q=Bakery%2050%25"))!.Select(p => p.Name));
        Assert.Empty((await client.GetFromJsonAsync<List<Payee>>("/api/payees?q=%25"))!);
        Assert.Empty((await (await api.NewUserClientAsync()).GetFromJsonAsync<List<Payee>>("/api/payees?q=al"))!);
        await (await client.GetAsync("/api/payees?limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task MergingPayeesRewritesEveryRowInOneGoAndLeavesBalancesAndSpendingUnchanged()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync(openingBalance: 500m);
        var groceries = (await client.CategoriesAsync()).First(c => c.Name == "Groceries");
        await client.CreateTransactionAsync(account.Id, -20m, "2026-03-02", "AH 1234", categoryId: groceries.Id);
        await client.CreateTransactionAsync(account.Id, -30m, "2026-03-09", "ALBERT HEIJN", categoryId: groceries.Id);
        var stale = await client.CreateTransactionAsync(account.Id, -5m, "2026-03-12", "albert heijn");
        await client.CreateTransactionAsync(account.Id, -1m, "2026-03-14", "Albert Heijn");
        await client.CreateTransactionAsync(account.Id, -7m, "2026-03-13", "Kiosk");
        var stranger = await api.NewUserClientAsync();
        var theirs = await stranger.CreateTransactionAsync((await stranger.CreateAccountAsync()).Id, -1m, "2026-03-02", "AH 1234");
        const string range = "from=2026-03-01&to=2026-03-31";
        var summaryBefore = await client.GetStringAsync($"/api/analytics/summary?{range}");
        var categoriesBefore = await client.GetStringAsync($"/api/analytics/by-category?{range}");

        var response = await client.PostAsJsonAsync("/api/payees/merge", new { from = new[] { "AH 1234", "albert heijn" }, into = "Albert Heijn" });

        Assert.Equal(new Merged("Albert Heijn", 3, 0), await response.Content.ReadFromJsonAsync<Merged>());
        var rows = await client.ListAllTransactionsAsync();
        Assert.Equal(["Albert Heijn", "Albert Heijn", "Albert Heijn", "Kiosk", "Albert Heijn"], rows.OrderBy(t => t.Date).Select(t => t.Payee));
        Assert.Equal(437m, (await client.GetAccountAsync(account.Id)).Balance);
        Assert.Equal(summaryBefore, await client.GetStringAsync($"/api/analytics/summary?{range}"));
        Assert.Equal(categoriesBefore, await client.GetStringAsync($"/api/analytics/by-category?{range}"));
        Assert.Contains("\"payee\":\"Albert Heijn\",\"spending\":56.00", await client.GetStringAsync($"/api/analytics/top-payees?{range}"));
        Assert.Equal("AH 1234", (await stranger.GetFromJsonAsync<Transaction>($"/api/transactions/{theirs.Id}"))!.Payee);

        // A row changed by the merge has a new version: an edit made from before it is refused, not silently undone.
        var edit = await client.PutAsJsonAsync($"/api/transactions/{stale.Id}", new { accountId = account.Id, date = "2026-03-12", amount = -5m, payee = "albert heijn", version = stale.Version });
        await edit.AssertProblemAsync(HttpStatusCode.Conflict);

        await (await client.PostAsJsonAsync("/api/payees/merge", new { from = new[] { "Nobody" }, into = "Kiosk" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync("/api/payees/merge", new { from = new[] { "Kiosk" }, into = "  " })).AssertProblemAsync(HttpStatusCode.BadRequest, "into");
        await (await client.PostAsJsonAsync("/api/payees/merge", new { from = Array.Empty<string>(), into = "Kiosk" })).AssertProblemAsync(HttpStatusCode.BadRequest, "from");
    }

    [Fact]
    public async Task TagsAreSuggestedMostUsedFirstAndTotalledPerTagAndCurrencyWithoutTransfers()
    {
        var client = await api.NewUserClientAsync();
        var euros = await client.CreateAccountAsync("Everyday", "EUR");
        var dollars = await client.CreateAccountAsync("Trip", "USD");
        await client.CreateTransactionAsync(euros.Id, -40m, "2026-05-02", "Hotel", tags: ["holiday", "spain"]);
        await client.CreateTransactionAsync(euros.Id, 15m, "2026-05-03", "Hotel", tags: ["holiday"]);
        await client.CreateTransactionAsync(dollars.Id, -99.99m, "2026-05-04", "Airline", tags: ["Holiday"]);
        await client.CreateTransactionAsync(euros.Id, -5m, "2026-07-01", "Later", tags: ["holiday"]);
        await client.CreateTransactionAsync(euros.Id, -1m, "2026-05-05", "Shop", tags: ["home"]);

        var tags = await client.GetFromJsonAsync<List<TagCount>>("/api/tags?q=ho");
        Assert.Equal([("holiday", 4L), ("home", 1L)], tags!.Select(t => (t.Tag.ToLowerInvariant(), t.Count)));

        var report = (await client.GetFromJsonAsync<TagsReport>("/api/analytics/tags?from=2026-05-01&to=2026-05-31"))!;
        Assert.Equal(["EUR", "USD"], report.Currencies.Select(c => c.Currency));
        Assert.Equal([new TagTotals("holiday", 2, 15m, 40m, -25m), new TagTotals("spain", 1, 0m, 40m, -40m), new TagTotals("home", 1, 0m, 1m, -1m)],
            report.Currencies[0].Tags);
        Assert.Equal([("holiday", 1L, 99.99m)], report.Currencies[1].Tags.Select(t => (t.Tag.ToLowerInvariant(), t.Count, t.MoneyOut)));
    }
}
