using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>The list's totals always equal the sum of the rows it lists, however they are computed.</summary>
public sealed class TotalsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly string[] Queries =
    [
        "", "from=2026-02-01", "to=2026-03-31", "from=2026-02-15&to=2026-04-10", "from=2026-03-01&to=2026-03-31",
        "from=2026-01-31&to=2026-02-01", "from=2026-03-10&to=2026-03-20", "to=2026-02-28", "from=2026-06-30",
    ];

    [Fact]
    public async Task TotalsEqualTheSumOfListedRowsForWholeAndPartialMonthsAfterEveryKindOfEdit()
    {
        var client = await api.NewUserClientAsync();
        var euros = await client.CreateAccountAsync("Euro", "EUR");
        var dollars = await client.CreateAccountAsync("Dollar", "USD");
        var categories = await client.CategoriesAsync();
        var (dining, groceries) = (categories.First(c => c.Name == "Dining"), categories.First(c => c.Name == "Groceries"));
        var created = new List<Transaction>();
        string[] dates = ["2026-01-01", "2026-01-31", "2026-02-01", "2026-02-15", "2026-02-28", "2026-03-01", "2026-03-15", "2026-03-31", "2026-04-10", "2026-06-30"];
        for (var i = 0; i < 30; i++)
        {
            var account = i % 3 == 0 ? dollars : euros;
            var category = (i % 4) switch { 0 => dining, 1 => groceries, _ => (Category?)null };
            created.Add(await client.CreateTransactionAsync(account.Id, i % 5 == 0 ? 100.05m * i : -1.11m * (i + 1), dates[i % dates.Length], categoryId: category?.Id));
        }

        await AssertTotalsMatchRowsAsync(client, $"accountId={euros.Id}", $"categoryId={dining.Id}");

        // Move rows across months, accounts and categories; delete some; then fold one category into another.
        var moved = created[4];
        await client.PutAsJsonAsync($"/api/transactions/{moved.Id}", new { accountId = dollars.Id, categoryId = groceries.Id, date = "2026-05-05", amount = -9.99m, version = moved.Version });
        var reassigned = created[7];
        await client.PutAsJsonAsync($"/api/transactions/{reassigned.Id}", new { accountId = euros.Id, date = "2026-01-15", amount = 42m, version = reassigned.Version });
        await client.DeleteAsync($"/api/transactions/{created[10].Id}");
        await client.DeleteAsync($"/api/transactions/{created[11].Id}");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/categories/{dining.Id}?reassignTo={groceries.Id}")).StatusCode);

        await AssertTotalsMatchRowsAsync(client, $"accountId={dollars.Id}", $"categoryId={groceries.Id}", $"categoryId={groceries.Id}&from=2026-02-10");
    }

    private static async Task AssertTotalsMatchRowsAsync(HttpClient client, params string[] extraQueries)
    {
        foreach (var query in Queries.Concat(extraQueries))
        {
            var rows = await client.ListAllTransactionsAsync(query.Length == 0 ? "pageSize=500" : query + "&pageSize=500");
            var expected = rows.GroupBy(r => r.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new CurrencyTotal(g.Key, g.Sum(r => r.Amount))).ToList();

            var page = await client.ListTransactionsAsync(query.Length == 0 ? "pageSize=1" : query + "&pageSize=1");

            Assert.True(expected.SequenceEqual(page.Totals), $"totals for '{query}': expected {string.Join(", ", expected)}, got {string.Join(", ", page.Totals)}");
            Assert.Equal(rows.Count, page.TotalCount);

            // Asked on their own (as the Web does once per filter), the totals are the same.
            var alone = await client.GetFromJsonAsync<TransactionTotals>("/api/transactions/totals?" + query);
            Assert.True(expected.SequenceEqual(alone!.Totals), $"/totals for '{query}': expected {string.Join(", ", expected)}, got {string.Join(", ", alone.Totals)}");
            Assert.Equal(rows.Count, alone.TotalCount);
        }
    }

    [Fact]
    public async Task ACategoryFilterListsItsSubcategoriesAtAnyDepthWithTheirSplitParts()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync("Everyday", "EUR");
        async Task<Category> CategoryAsync(string name, long? parentId)
        {
            var response = await client.PostAsJsonAsync("/api/categories", new { name, kind = "expense", parentId });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<Category>())!;
        }
        var food = await CategoryAsync("Provisions", null);
        var groceries = await CategoryAsync("Staples", food.Id);
        var organic = await CategoryAsync("Organic staples", groceries.Id);
        var rent = await CategoryAsync("Housing costs", null);

        var inFood = await client.CreateTransactionAsync(account.Id, -10m, "2026-03-01", categoryId: food.Id);
        var inGroceries = await client.CreateTransactionAsync(account.Id, -20m, "2026-03-20", categoryId: groceries.Id);
        var inOrganic = await client.CreateTransactionAsync(account.Id, -40m, "2026-04-05", categoryId: organic.Id);
        await client.CreateTransactionAsync(account.Id, -800m, "2026-03-02", categoryId: rent.Id);
        var split = await client.PostAsJsonAsync("/api/transactions", new
        {
            accountId = account.Id, date = "2026-03-15", amount = -100m, payee = "Hypermarket",
            splits = new object[] { new { categoryId = organic.Id, amount = -70m }, new { categoryId = rent.Id, amount = -30m } },
        });
        var splitId = (await split.Content.ReadFromJsonAsync<Transaction>())!.Id;

        foreach (var (category, ids, total) in new[]
        {
            (food, new[] { inFood.Id, inGroceries.Id, inOrganic.Id, splitId }, -140m),
            (groceries, [inGroceries.Id, inOrganic.Id, splitId], -130m),
            (organic, [inOrganic.Id, splitId], -110m),
        })
        {
            var rows = await client.ListAllTransactionsAsync($"categoryId={category.Id}&pageSize=2");
            Assert.Equal(ids.Order(), rows.Select(r => r.Id).Order());
            var totals = await client.GetFromJsonAsync<TransactionTotals>($"/api/transactions/totals?categoryId={category.Id}");
            Assert.Equal((ids.Length, total), ((int)totals!.TotalCount, totals.Totals.Single().Amount));
            // A whole month (from monthly_totals) and a partial one (from the rows): all but the April row, in every tree.
            var march = await client.GetFromJsonAsync<TransactionTotals>($"/api/transactions/totals?categoryId={category.Id}&from=2026-03-01&to=2026-04-04");
            Assert.Equal((ids.Length - 1, total + 40m), ((int)march!.TotalCount, march.Totals.Single().Amount));
        }
    }

    [Fact]
    public async Task APageAskedWithoutTotalsHasTheSameRowsAndNoCount()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync("Everyday", "EUR");
        for (var i = 1; i <= 3; i++)
        {
            await client.CreateTransactionAsync(account.Id, -i, $"2026-03-0{i}", payee: "Cafe");
        }

        var withTotals = await client.ListTransactionsAsync("q=caf&pageSize=2");
        using var without = await JsonDocument.ParseAsync(await client.GetStreamAsync("/api/transactions?q=caf&pageSize=2&totals=false"));

        Assert.Equal(JsonValueKind.Null, without.RootElement.GetProperty("totalCount").ValueKind);
        Assert.Equal(JsonValueKind.Null, without.RootElement.GetProperty("totals").ValueKind);
        Assert.Equal(withTotals.Items.Select(t => t.Id), without.RootElement.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
        Assert.Equal(withTotals.NextCursor, without.RootElement.GetProperty("nextCursor").GetString());
        Assert.Equal(3, withTotals.TotalCount);
    }

    [Theory]
    [InlineData("/api/transactions?totals=maybe", "totals")]
    [InlineData("/api/transactions/totals?from=2026-13-01", "from")]
    [InlineData("/api/transactions/totals?minAmount=abc", "minAmount")]
    public async Task BadFiltersForTotalsAreNamed(string url, string field)
    {
        var client = await api.NewUserClientAsync();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}'");
    }
}
