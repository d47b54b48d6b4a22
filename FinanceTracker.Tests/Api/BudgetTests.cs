using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>Budgets against what was actually spent, computed here from the listed rows.</summary>
public sealed class BudgetTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private sealed record BudgetLine(long CategoryId, string Name, long? ParentId, decimal Amount, decimal RolledOver, bool Rollover,
        decimal Budgeted, decimal Spent, decimal Remaining, decimal? PercentUsed, bool Over);
    private sealed record BudgetTotals(decimal Budgeted, decimal Spent, decimal Remaining);
    private sealed record Unbudgeted(long? CategoryId, string Name, decimal Spent);
    private sealed record Budget(string Month, string Currency, List<BudgetLine> Lines, BudgetTotals Totals, List<Unbudgeted> Unbudgeted);

    [Fact]
    public async Task SpentEqualsIndependentSumsWithSubcategoriesSplitPartsAndRefundsAndWithoutTransfersOtherMonthsOrCurrencies()
    {
        var client = await api.NewUserClientAsync();
        var euros = await client.CreateAccountAsync("Everyday", "EUR");
        var savings = await client.CreateAccountAsync("Savings", "EUR");
        var dollars = await client.CreateAccountAsync("Travel", "USD");
        var categories = await client.CategoriesAsync();
        var food = await CreateCategoryAsync(client, "Food");
        var groceries = await CreateCategoryAsync(client, "Supermarket", food.Id);
        var dining = await CreateCategoryAsync(client, "Eating out", food.Id);
        var transport = categories.First(c => c.Name == "Transport");
        var salary = categories.First(c => c.Kind == "income");
        long?[] spendOn = [food.Id, groceries.Id, dining.Id, transport.Id, salary.Id, null];
        var random = new Random(1207);
        string[] dates = ["2026-02-28", "2026-03-01", "2026-03-09", "2026-03-17", "2026-03-31", "2026-04-01"];
        for (var i = 0; i < 90; i++)
        {
            var amount = random.Next(-9000, 3000) / 100m;
            var account = i % 9 == 0 ? dollars : euros;
            var date = dates[random.Next(dates.Length)];
            if (i % 7 == 0)
            {
                var part = decimal.Round(amount / 3, 2);
                await PostAsync(client, "/api/transactions", new
                {
                    accountId = account.Id, date, amount, payee = $"Split {i}",
                    splits = new object[] { new { categoryId = groceries.Id, amount = part }, new { categoryId = transport.Id, amount = amount - part } },
                });
                continue;
            }
            await client.CreateTransactionAsync(account.Id, amount == 0 ? -1m : amount, date, $"Payee {i % 5}", categoryId: spendOn[random.Next(spendOn.Length)]);
        }
        await PostAsync(client, "/api/transfers", new { fromAccountId = euros.Id, toAccountId = savings.Id, date = "2026-03-10", amount = 400m });

        var budget = await PutAsync(client, "2026-03", new
        {
            currency = "EUR",
            lines = new object[] { new { categoryId = food.Id, amount = 500m }, new { categoryId = groceries.Id, amount = 150.5m }, new { categoryId = transport.Id, amount = 0m } },
        });

        var rows = (await client.ListAllTransactionsAsync("from=2026-03-01&to=2026-03-31")).Where(t => t.Currency == "EUR" && t.TransferId is null).ToList();
        var parts = rows.SelectMany(t => t.Splits is { Count: > 0 } splits ? splits.Select(s => (s.CategoryId, s.Amount)) : [(t.CategoryId, t.Amount)]).ToList();
        decimal SpentIn(params long[] ids) => -parts.Where(p => p.CategoryId is { } id && ids.Contains(id)).Sum(p => p.Amount);
        var expected = new[]
        {
            (food.Id, 500m, SpentIn(food.Id, groceries.Id, dining.Id)),
            (groceries.Id, 150.5m, SpentIn(groceries.Id)),
            (transport.Id, 0m, SpentIn(transport.Id)),
        };
        Assert.Equal(("2026-03", "EUR"), (budget.Month, budget.Currency));
        Assert.Equal(expected, budget.Lines.Select(l => (l.CategoryId, l.Budgeted, l.Spent)));
        foreach (var line in budget.Lines)
        {
            Assert.Equal(line.Budgeted - line.Spent, line.Remaining);
            Assert.Equal(line.Spent > line.Budgeted, line.Over);
            Assert.Equal(line.Budgeted == 0 ? null : decimal.Round(line.Spent * 100 / line.Budgeted, 1, MidpointRounding.AwayFromZero), line.PercentUsed);
        }
        Assert.Equal(new BudgetTotals(650.5m, expected.Sum(e => e.Item3), 650.5m - expected.Sum(e => e.Item3)), budget.Totals);
        AssertSame(budget, await GetAsync(client, "2026-03?currency=EUR"));
        AssertSame(budget, await GetAsync(client, "2026-03"));
    }

    [Fact]
    public async Task PutReplacesTheMonthsBudgetAndCopyFromCopiesAmountsAndRolloverFlags()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var categories = await client.CategoriesAsync();
        var (groceries, dining, transport) = (categories.First(c => c.Name == "Groceries"), categories.First(c => c.Name == "Dining"), categories.First(c => c.Name == "Transport"));
        await client.CreateTransactionAsync(account.Id, -60m, "2026-02-10", categoryId: transport.Id);
        await client.CreateTransactionAsync(account.Id, -30m, "2026-03-10", categoryId: transport.Id);

        await PutAsync(client, "2026-02", new { currency = "EUR", lines = new object[] { new { categoryId = groceries.Id, amount = 300m }, new { categoryId = dining.Id, amount = 80m } } });
        var february = await PutAsync(client, "2026-02", new
        {
            currency = "EUR",
            lines = new object[] { new { categoryId = groceries.Id, amount = 250m }, new { categoryId = transport.Id, amount = 100m, rollover = true } },
        });
        Assert.Equal([(groceries.Id, 250m, false), (transport.Id, 100m, true)], february.Lines.Select(l => (l.CategoryId, l.Amount, l.Rollover)));

        var march = await PostAsync<Budget>(client, "/api/budgets/2026-03/copy-from/2026-02?currency=EUR");

        // February's transport leaves 40 unspent, which rolls into March on top of the copied 100.
        Assert.Equal([(groceries.Id, 250m, 0m, 250m, 0m), (transport.Id, 100m, 40m, 140m, 30m)],
            march.Lines.Select(l => (l.CategoryId, l.Amount, l.RolledOver, l.Budgeted, l.Spent)));
        AssertSame(march, await GetAsync(client, "2026-03?currency=EUR"));
        Assert.Empty((await GetAsync(client, "2026-03?currency=USD")).Lines);

        var nothing = await client.PostAsync("/api/budgets/2026-03/copy-from/2025-12?currency=EUR", null);
        await nothing.AssertProblemAsync(HttpStatusCode.NotFound);
        AssertSame(march, await GetAsync(client, "2026-03?currency=EUR"));
    }

    [Fact]
    public async Task BadInputIsAProblemNamingTheFieldAndLeavesTheBudgetAsItWas()
    {
        var client = await api.NewUserClientAsync();
        await client.CreateAccountAsync();
        var categories = await client.CategoriesAsync();
        var groceries = categories.First(c => c.Name == "Groceries");
        var salary = categories.First(c => c.Kind == "income");
        var stranger = await api.NewUserClientAsync();
        var theirs = (await stranger.CategoriesAsync()).First(c => c.Name == "Groceries");
        var before = await PutAsync(client, "2026-03", new { currency = "EUR", lines = new object[] { new { categoryId = groceries.Id, amount = 200m } } });

        (string Month, object Body, string Field)[] cases =
        [
            ("2026-13", new { currency = "EUR", lines = Array.Empty<object>() }, "month"),
            ("march", new { currency = "EUR", lines = Array.Empty<object>() }, "month"),
            ("2026-03", new { currency = "XYZ", lines = Array.Empty<object>() }, "currency"),
            ("2026-03", new { lines = Array.Empty<object>() }, "currency"),
            ("2026-03", new { currency = "EUR" }, "lines"),
            ("2026-03", new { currency = "EUR", lines = new object[] { new { categoryId = groceries.Id, amount = -1m } } }, "lines[0].amount"),
            ("2026-03", new { currency = "EUR", lines = new object[] { new { categoryId = groceries.Id, amount = 1.234m } } }, "lines[0].amount"),
            ("2026-03", new { currency = "EUR", lines = new object[] { new { categoryId = groceries.Id } } }, "lines[0].amount"),
            ("2026-03", new { currency = "EUR", lines = new object[] { new { amount = 5m } } }, "lines[0].categoryId"),
            ("2026-03", new { currency = "EUR", lines = new object[] { new { categoryId = groceries.Id, amount = 1m }, new { categoryId = groceries.Id, amount = 2m } } }, "lines[1].categoryId"),
            ("2026-03", new { currency = "EUR", lines = new object[] { new { categoryId = groceries.Id, amount = 1m }, new { categoryId = salary.Id, amount = 2m } } }, "lines[1].categoryId"),
            ("2026-03", new { currency = "EUR", lines = new object[] { new { categoryId = theirs.Id, amount = 2m } } }, "lines[0].categoryId"),
            ("2026-03", new { currency = "EUR", lines = new object[] { new { categoryId = 999999999L, amount = 2m } } }, "lines[0].categoryId"),
        ];
        foreach (var (month, body, field) in cases)
        {
            await (await client.PutAsJsonAsync($"/api/budgets/{month}", body)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
        }
        await (await client.GetAsync("/api/budgets/2026-3")).AssertProblemAsync(HttpStatusCode.BadRequest, "month");
        await (await client.GetAsync("/api/budgets/2026-03?currency=nope")).AssertProblemAsync(HttpStatusCode.BadRequest, "currency");
        await (await client.PostAsync("/api/budgets/2026-04/copy-from/someday", null)).AssertProblemAsync(HttpStatusCode.BadRequest, "source");

        AssertSame(before, await GetAsync(client, "2026-03?currency=EUR"));
        Assert.Empty((await GetAsync(stranger, "2026-03?currency=EUR")).Lines);
        Assert.Empty((await GetAsync(client, "2026-04?currency=EUR")).Lines);
    }

    /// <summary>Records holding lists compare their lists by reference; their JSON compares every value.</summary>
    private static void AssertSame(Budget expected, Budget actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));

    private static async Task<TestCategory> CreateCategoryAsync(HttpClient client, string name, long? parentId = null) =>
        await PostAsync<TestCategory>(client, "/api/categories", new { name, kind = "expense", parentId });

    private sealed record TestCategory(long Id, string Name);

    private static async Task<Budget> GetAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<Budget>($"/api/budgets/{path}"))!;

    private static async Task<Budget> PutAsync(HttpClient client, string month, object body)
    {
        var response = await client.PutAsJsonAsync($"/api/budgets/{month}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Budget>())!;
    }

    private static async Task PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static async Task<T> PostAsync<T>(HttpClient client, string path, object? body = null)
    {
        var response = body is null ? await client.PostAsync(path, null) : await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
