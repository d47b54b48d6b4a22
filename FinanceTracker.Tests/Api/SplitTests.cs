using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

public sealed class SplitTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task ASplitIsListedOnceWithItsPartsAndEachPartCountsInItsOwnCategory()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var (groceries, dining) = await TwoCategoriesAsync(client);

        var split = await CreateAsync(client, new
        {
            accountId = account.Id, date = "2026-03-15", amount = -100m, payee = "Hypermarket",
            splits = new object[] { new { categoryId = groceries.Id, amount = -70m, notes = "food" }, new { categoryId = dining.Id, amount = -30m } },
        });
        await client.CreateTransactionAsync(account.Id, -5m, "2026-03-16", categoryId: dining.Id);

        Assert.Equal((null, -100m), (split.CategoryId, split.Amount));
        Assert.Equal([new Split(groceries.Id, -70m, "food"), new Split(dining.Id, -30m, "")], split.Splits);
        var listed = Assert.Single(await client.ListAllTransactionsAsync(), t => t.Splits is { Count: > 0 });
        Assert.Equal(split.Splits, listed.Splits);
        var diningPage = await client.ListTransactionsAsync($"categoryId={dining.Id}");
        Assert.Equal((2, -35m), ((int)diningPage.TotalCount, diningPage.Totals.Single().Amount));
        Assert.Contains(diningPage.Items, t => t.Id == split.Id);
        var groceriesPage = await client.ListTransactionsAsync($"categoryId={groceries.Id}&from=2026-03-01&to=2026-03-31");
        Assert.Equal((1, -70m), ((int)groceriesPage.TotalCount, groceriesPage.Totals.Single().Amount));
        var byCategory = (await client.GetFromJsonAsync<CategoryReport>("/api/analytics/by-category?from=2026-03-01&to=2026-03-31"))!.Currencies.Single();
        Assert.Equal([(groceries.Id, 70m), (dining.Id, 35m)], byCategory.Spending.Select(s => (s.CategoryId!.Value, s.Amount)));
        Assert.Equal(2, (await client.GetFromJsonAsync<SummaryReport>("/api/analytics/summary?from=2026-03-01&to=2026-03-31"))!.Currencies.Single().TransactionCount);
        await IndependentSums.AssertReportsMatchRowsAsync(client, "2026-03-10", "2026-03-31");
    }

    [Fact]
    public async Task PartsThatDoNotAddUpOrAreInvalidAre400AndNothingIsStored()
    {
        var (client, stranger) = (await api.NewUserClientAsync(), await api.NewUserClientAsync());
        var account = await client.CreateAccountAsync();
        var (groceries, dining) = await TwoCategoriesAsync(client);
        var theirs = (await stranger.CategoriesAsync()).First();
        object Body(decimal amount, object[] splits, long? categoryId = null) => new { accountId = account.Id, date = "2026-03-15", amount, categoryId, splits };

        await Refused(Body(-100m, [new { categoryId = groceries.Id, amount = -70m }, new { categoryId = dining.Id, amount = -29.99m }]), "splits");
        await Refused(Body(-100m, [new { categoryId = groceries.Id, amount = -100m }]), "splits");
        await Refused(Body(-100m, Enumerable.Range(0, 51).Select(_ => (object)new { amount = -100m / 51 }).ToArray()), "splits");
        await Refused(Body(-100m, [new { amount = -70m }, new { amount = -30m }], categoryId: groceries.Id), "categoryId");
        await Refused(Body(-100m, [new { amount = -70m }, new { categoryId = theirs.Id, amount = -30m }]), "splits[1].categoryId");
        await Refused(Body(-100m, [new { amount = -70.001m }, new { amount = -29.999m }]), "splits[0].amount");
        await Refused(Body(-100m, [new { amount = -100m }, new { amount = 0m }]), "splits[1].amount");
        await Refused(Body(-100m, [new { amount = -100m }, new { categoryId = dining.Id }]), "splits[1].amount");

        Assert.Empty(await client.ListAllTransactionsAsync());
        Assert.Equal(0m, (await client.GetAccountAsync(account.Id)).Balance);
        Assert.Equal(0L, await api.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM transaction_splits s JOIN accounts a ON a.user_id = s.user_id WHERE a.id = @id", ("@id", account.Id)));

        async Task Refused(object body, string field) =>
            await (await client.PostAsJsonAsync("/api/transactions", body)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task EditingSplitsReplacesThePartsAndTotalsFollow()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var (groceries, dining) = await TwoCategoriesAsync(client);
        var userId = await api.Database.ScalarAsync<long>("SELECT user_id FROM accounts WHERE id = @id", ("@id", account.Id));
        var plain = await client.CreateTransactionAsync(account.Id, -50m, "2026-03-31", categoryId: groceries.Id);

        var split = await Put(plain, new { accountId = account.Id, date = "2026-04-01", amount = -60m, splits = new object[] { new { categoryId = dining.Id, amount = -80m }, new { categoryId = groceries.Id, amount = 20m } } });
        Assert.Equal(2, split.Splits!.Count);
        Assert.Empty(await api.Database.DriftAsync(userId));
        await IndependentSums.AssertReportsMatchRowsAsync(client, "2026-03-15", "2026-04-20");
        // A refund part lowers its own category's spending.
        var april = (await client.GetFromJsonAsync<CategoryReport>("/api/analytics/by-category?from=2026-04-01&to=2026-04-30"))!.Currencies.Single();
        Assert.Equal([(dining.Id, 80m), (groceries.Id, -20m)], april.Spending.Select(s => (s.CategoryId!.Value, s.Amount)));

        var unsplit = await Put(split, new { accountId = account.Id, date = "2026-04-01", amount = -60m, categoryId = dining.Id, splits = Array.Empty<object>() });
        Assert.Equal((dining.Id, 0), (unsplit.CategoryId!.Value, unsplit.Splits!.Count));
        Assert.Empty(await api.Database.DriftAsync(userId));
        await IndependentSums.AssertReportsMatchRowsAsync(client, "2026-03-15", "2026-04-20");

        async Task<Transaction> Put(Transaction current, object body)
        {
            var json = System.Text.Json.JsonSerializer.SerializeToNode(body, System.Text.Json.JsonSerializerOptions.Web)!.AsObject();
            json["version"] = current.Version;
            var response = await client.PutAsJsonAsync($"/api/transactions/{current.Id}", json);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<Transaction>())!;
        }
    }

    [Fact]
    public async Task ACategoryUsedByPartsIsDeletedOnlyByMovingThem()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var (groceries, dining) = await TwoCategoriesAsync(client);
        var userId = await api.Database.ScalarAsync<long>("SELECT user_id FROM accounts WHERE id = @id", ("@id", account.Id));
        var split = await CreateAsync(client, new
        {
            accountId = account.Id, date = "2026-03-15", amount = -10m,
            splits = new object[] { new { categoryId = groceries.Id, amount = -4m }, new { categoryId = dining.Id, amount = -6m } },
        });

        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/categories/{dining.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/categories/{dining.Id}?reassignTo={groceries.Id}")).StatusCode);

        var moved = (await client.GetFromJsonAsync<Transaction>($"/api/transactions/{split.Id}"))!;
        Assert.Equal([groceries.Id, groceries.Id], moved.Splits!.Select(s => s.CategoryId!.Value));
        Assert.Equal(split.Version + 1, moved.Version);
        Assert.Empty(await api.Database.DriftAsync(userId));
        await IndependentSums.AssertReportsMatchRowsAsync(client, "2026-03-01", "2026-03-31");
    }

    private static async Task<(Category Groceries, Category Dining)> TwoCategoriesAsync(HttpClient client)
    {
        var categories = await client.CategoriesAsync();
        return (categories.First(c => c.Name == "Groceries"), categories.First(c => c.Name == "Dining"));
    }

    private static async Task<Transaction> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/transactions", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Transaction>())!;
    }
}
