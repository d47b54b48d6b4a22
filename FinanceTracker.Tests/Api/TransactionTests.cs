using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

public sealed class TransactionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task CreatedTransactionHasLocationTheAccountsCurrencyAndVersionOne()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync(currency: "GBP");
        var response = await client.PostAsJsonAsync("/api/transactions",
            new { accountId = account.Id, date = "2026-04-01", amount = -12.5m, payee = "Bakery", tags = new[] { "food", "Food", " weekly " } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<Transaction>())!;
        Assert.Equal($"/api/transactions/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("GBP", -12.50m, "2026-04-01", 1), (created.Currency, created.Amount, created.Date, created.Version));
        Assert.Equal(["food", "weekly"], created.Tags.Order());
        Assert.Equal(created, await client.GetFromJsonAsync<Transaction>(response.Headers.Location));
    }

    [Fact]
    public async Task HundredTimesTenCentsIsExactlyTenInTotalsAndBalance()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync(openingBalance: 0.20m);
        for (var i = 0; i < 100; i++)
        {
            await client.CreateTransactionAsync(account.Id, 0.10m, date: $"2026-01-{i % 28 + 1:00}");
        }

        var page = await client.ListTransactionsAsync($"accountId={account.Id}&pageSize=1");
        Assert.Equal(100, page.TotalCount);
        Assert.Equal([new CurrencyTotal("EUR", 10.00m)], page.Totals);
        Assert.Equal(10.20m, (await client.GetAccountAsync(account.Id)).Balance);
    }

    [Fact]
    public async Task PagingNewestFirstSeesEveryRowExactlyOnce()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var created = new List<long>();
        for (var i = 0; i < 37; i++)
        {
            // Many rows share a date, so the id must break ties for the cursor to be exact.
            created.Add((await client.CreateTransactionAsync(account.Id, -1m - i, date: $"2026-02-{i % 4 + 1:00}")).Id);
        }

        var all = await client.ListAllTransactionsAsync("pageSize=5");

        Assert.Equal(created.Order(), all.Select(t => t.Id).Order());
        Assert.Equal(all.Count, all.Select(t => t.Id).Distinct().Count());
        var expectedOrder = all.OrderByDescending(t => t.Date, StringComparer.Ordinal).ThenByDescending(t => t.Id).Select(t => t.Id);
        Assert.Equal(expectedOrder, all.Select(t => t.Id));
    }

    [Fact]
    public async Task RowsAddedWhilePagingDoNotDuplicateOrSkipEarlierRows()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        for (var i = 0; i < 6; i++) await client.CreateTransactionAsync(account.Id, -1m, date: "2026-05-10");

        var first = await client.ListTransactionsAsync("pageSize=3");
        await client.CreateTransactionAsync(account.Id, -2m, date: "2026-05-11");
        var second = await client.ListTransactionsAsync($"pageSize=3&cursor={Uri.EscapeDataString(first.NextCursor!)}");

        Assert.Empty(first.Items.Select(t => t.Id).Intersect(second.Items.Select(t => t.Id)));
        Assert.Equal(3, second.Items.Count);
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task StaleUpdateIsRejectedWith409AndChangesNothing()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var original = await client.CreateTransactionAsync(account.Id, -20m, payee: "Original");
        var body = new { accountId = account.Id, date = original.Date, amount = -25m, payee = "First edit", version = original.Version };

        var first = await client.PutAsJsonAsync($"/api/transactions/{original.Id}", body);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, (await first.Content.ReadFromJsonAsync<Transaction>())!.Version);

        var staleBody = new { accountId = account.Id, date = original.Date, amount = -99m, payee = "Stale edit", version = original.Version };
        var conflict = await client.PutAsJsonAsync($"/api/transactions/{original.Id}", staleBody);

        await conflict.AssertProblemAsync(HttpStatusCode.Conflict);
        var current = await client.GetFromJsonAsync<Transaction>($"/api/transactions/{original.Id}");
        Assert.Equal(("First edit", -25m), (current!.Payee, current.Amount));
        Assert.Equal(-25m, (await client.GetAccountAsync(account.Id)).Balance);
    }

    [Fact]
    public async Task MovingATransactionBetweenAccountsMovesItsAmountAndTakesTheNewCurrency()
    {
        var client = await api.NewUserClientAsync();
        var euros = await client.CreateAccountAsync("Euro", "EUR", 100m);
        var yen = await client.CreateAccountAsync("Yen", "JPY", 0m);
        var t = await client.CreateTransactionAsync(euros.Id, -30m);

        var moved = await client.PutAsJsonAsync($"/api/transactions/{t.Id}",
            new { accountId = yen.Id, date = t.Date, amount = -3000m, payee = t.Payee, version = t.Version });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("JPY", (await moved.Content.ReadFromJsonAsync<Transaction>())!.Currency);
        Assert.Equal(100m, (await client.GetAccountAsync(euros.Id)).Balance);
        Assert.Equal(-3000m, (await client.GetAccountAsync(yen.Id)).Balance);
    }

    [Fact]
    public async Task DeleteRemovesTheRowAndItsAmountFromTheBalance()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync(openingBalance: 50m);
        var keep = await client.CreateTransactionAsync(account.Id, -10m);
        var remove = await client.CreateTransactionAsync(account.Id, -5.55m);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/transactions/{remove.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/transactions/{remove.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/transactions/{remove.Id}")).StatusCode);
        Assert.Equal(40m, (await client.GetAccountAsync(account.Id)).Balance);
        Assert.Equal([keep.Id], (await client.ListAllTransactionsAsync()).Select(x => x.Id));
    }

    [Fact]
    public async Task FiltersNarrowTheListAndItsTotals()
    {
        var client = await api.NewUserClientAsync();
        var checking = await client.CreateAccountAsync("Checking");
        var savings = await client.CreateAccountAsync("Savings", type: "savings");
        var groceries = (await client.CategoriesAsync()).First(c => c.Name == "Groceries");
        await client.CreateTransactionAsync(checking.Id, -42.10m, "2026-03-01", "Super MARKET", categoryId: groceries.Id, tags: ["weekly"]);
        await client.CreateTransactionAsync(checking.Id, -3.99m, "2026-03-20", "Kiosk", notes: "market day snack");
        await client.CreateTransactionAsync(savings.Id, 1000m, "2026-04-01", "Employer");
        await client.CreateTransactionAsync(checking.Id, -7m, "2026-02-27", "100%_off shop");

        Assert.Equal(2, (await client.ListTransactionsAsync("q=market")).TotalCount);
        Assert.Single((await client.ListTransactionsAsync("q=100%25_")).Items);
        Assert.Empty((await client.ListTransactionsAsync("q=%25%25")).Items);
        Assert.Equal([1000m], (await client.ListTransactionsAsync($"accountId={savings.Id}")).Items.Select(t => t.Amount));
        Assert.Equal([-42.10m], (await client.ListTransactionsAsync($"categoryId={groceries.Id}")).Items.Select(t => t.Amount));
        Assert.Equal([-42.10m], (await client.ListTransactionsAsync("tag=WEEKLY")).Items.Select(t => t.Amount));
        var march = await client.ListTransactionsAsync("from=2026-03-01&to=2026-03-31");
        Assert.Equal([new CurrencyTotal("EUR", -46.09m)], march.Totals);
        var spending = await client.ListTransactionsAsync("maxAmount=0&minAmount=-10");
        Assert.Equal([-7m, -3.99m], spending.Items.Select(t => t.Amount).Order());
    }

    [Fact]
    public async Task TotalsAreKeptPerCurrencyAndNeverMixed()
    {
        var client = await api.NewUserClientAsync();
        var euros = await client.CreateAccountAsync("Euro", "EUR");
        var dinars = await client.CreateAccountAsync("Dinar", "KWD");
        await client.CreateTransactionAsync(euros.Id, -1.25m);
        await client.CreateTransactionAsync(dinars.Id, -0.125m);
        await client.CreateTransactionAsync(dinars.Id, 2.001m);

        var page = await client.ListTransactionsAsync();

        Assert.Equal(3, page.TotalCount);
        Assert.Equal([new CurrencyTotal("EUR", -1.25m), new CurrencyTotal("KWD", 1.876m)], page.Totals);
    }

    [Fact]
    public async Task PageSizeDefaultsToFiftyAndIsCappedAt500()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        for (var i = 0; i < 51; i++) await client.CreateTransactionAsync(account.Id, -1m);

        var page = await client.ListTransactionsAsync();

        Assert.Equal(50, page.Items.Count);
        Assert.NotNull(page.NextCursor);
        await (await client.GetAsync("/api/transactions?pageSize=501")).AssertProblemAsync(HttpStatusCode.BadRequest, "pageSize");
    }
}
