using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

public sealed class ConcurrencyTests(ApiFixture api, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task CrossingMovesBetweenTwoAccountsAllSucceedAndBalancesStayExact()
    {
        var client = await api.NewUserClientAsync();
        var (a, b) = (await client.CreateAccountAsync("A"), await client.CreateAccountAsync("B"));
        var inA = new List<Transaction>();
        var inB = new List<Transaction>();
        for (var i = 0; i < 15; i++)
        {
            inA.Add(await client.CreateTransactionAsync(a.Id, -1.01m * (i + 1)));
            inB.Add(await client.CreateTransactionAsync(b.Id, -2.02m * (i + 1)));
        }

        // Every row of A moves to B while every row of B moves to A, all at once: lock orders cross.
        var moves = inA.Select(t => (t, To: b.Id)).Concat(inB.Select(t => (t, To: a.Id)))
            .Select(m => client.PutAsJsonAsync($"/api/transactions/{m.t.Id}",
                new { accountId = m.To, date = m.t.Date, amount = m.t.Amount, version = m.t.Version }));
        var responses = await Task.WhenAll(moves);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var rows = await client.ListAllTransactionsAsync("pageSize=500");
        Assert.Equal(rows.Where(r => r.AccountId == a.Id).Sum(r => r.Amount), (await client.GetAccountAsync(a.Id)).Balance);
        Assert.Equal(rows.Where(r => r.AccountId == b.Id).Sum(r => r.Amount), (await client.GetAccountAsync(b.Id)).Balance);
        Assert.Equal(inB.Sum(t => t.Amount), (await client.GetAccountAsync(a.Id)).Balance);
    }

    [Fact]
    public async Task DeletingCategoriesWhileTransactionsAreWrittenInThemLosesNoRowFromTotalsOrAnalytics()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var keeper = await CreateCategoryAsync(client, "Keeper");
        for (var round = 0; round < 6; round++)
        {
            var doomed = await CreateCategoryAsync(client, $"Churn {round}");
            // Writers in the doomed category race its deletion (which moves its rows to the keeper).
            var writes = Enumerable.Range(0, 12).Select(i => client.PostAsJsonAsync("/api/transactions",
                new { accountId = account.Id, categoryId = doomed.Id, date = $"2026-03-{1 + i:00}", amount = -1.25m, payee = "Racer" })).ToList();
            var delete = client.DeleteAsync($"/api/categories/{doomed.Id}?reassignTo={keeper.Id}");
            var answers = await Task.WhenAll(writes.Append(delete));

            Assert.Equal(HttpStatusCode.NoContent, answers[^1].StatusCode);
            Assert.All(answers[..^1], r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.BadRequest }));
        }

        var rows = await client.ListAllTransactionsAsync("pageSize=500");
        Assert.All(rows, r => Assert.Equal(keeper.Id, r.CategoryId));
        var spent = -rows.Sum(r => r.Amount);
        var month = "from=2026-03-01&to=2026-03-31";
        var summary = await client.GetFromJsonAsync<SummaryReport>($"/api/analytics/summary?{month}");
        Assert.Equal(spent, summary!.Currencies.Single().Spending);
        var byCategory = await client.GetFromJsonAsync<CategoryReport>($"/api/analytics/by-category?{month}");
        Assert.Equal(spent, byCategory!.Currencies.Single().Spending.Single(c => c.CategoryId == keeper.Id).Amount);
        Assert.Equal(-spent, (await client.ListTransactionsAsync(month)).Totals.Single().Amount);
        Assert.Equal(-spent, (await client.GetAccountAsync(account.Id)).Balance);
    }

    [Fact]
    public async Task WritersRacingAccountAndCategoryChurnNeverFailAndEveryFigureEqualsTheRows()
    {
        var client = await api.NewUserClientAsync();
        var (euro, dollar) = (await client.CreateAccountAsync("Stable EUR", "EUR", 100m), await client.CreateAccountAsync("Stable USD", "USD"));
        var keeper = await CreateCategoryAsync(client, "Keeper");
        var userId = await api.Database.ScalarAsync<long>("SELECT user_id FROM accounts WHERE id = @id", ("@id", euro.Id));
        var random = new Random(20261130);
        string Date() => $"{new DateOnly(2026, 1, 1).AddDays(random.Next(0, 100)):yyyy-MM-dd}";
        decimal Amount() => (random.Next(6) == 0 ? 1 : -1) * random.Next(1, 50_000) / 100m;
        var answers = new List<(string Call, HttpResponseMessage Response)>();

        for (var round = 0; round < 5; round++)
        {
            var doomedAccount = await client.CreateAccountAsync($"Doomed {round}", "EUR", 50m);
            var (moved, dropped) = (await CreateCategoryAsync(client, $"Moved {round}"), await CreateCategoryAsync(client, $"Dropped {round}"));
            var seeded = new List<Transaction>();
            for (var i = 0; i < 6; i++)
            {
                seeded.Add(await client.CreateTransactionAsync(i % 2 == 0 ? doomedAccount.Id : euro.Id, Amount(), Date(), categoryId: moved.Id, tags: ["seed"]));
            }

            // Writers in the doomed account and categories (and moving rows in and out of them) race their deletion.
            var calls = new List<(string, Task<HttpResponseMessage>)>();
            for (var i = 0; i < 16; i++)
            {
                (long Account, long? Category) target = (i % 4) switch
                {
                    0 => (doomedAccount.Id, keeper.Id),
                    1 => (euro.Id, moved.Id),
                    2 => (euro.Id, dropped.Id),
                    _ => (dollar.Id, null),
                };
                calls.Add(("create", client.PostAsJsonAsync("/api/transactions",
                    new { accountId = target.Account, categoryId = target.Category, date = Date(), amount = Amount(), payee = $"Racer {i % 5}", tags = new[] { "race" } })));
            }
            foreach (var row in seeded)
            {
                var target = row.AccountId == doomedAccount.Id ? euro.Id : doomedAccount.Id;
                calls.Add(("update", client.PutAsJsonAsync($"/api/transactions/{row.Id}",
                    new { accountId = target, categoryId = row.CategoryId, date = Date(), amount = row.Amount, payee = row.Payee, version = row.Version })));
            }
            calls.Add(("delete account", client.DeleteAsync($"/api/accounts/{doomedAccount.Id}")));
            calls.Add(("delete category, moving its rows", client.DeleteAsync($"/api/categories/{moved.Id}?reassignTo={keeper.Id}")));
            calls.Add(("delete category", client.DeleteAsync($"/api/categories/{dropped.Id}")));
            calls.Add(("create account", client.PostAsJsonAsync("/api/accounts", new { name = $"New {round}", type = "savings", currency = "EUR", openingBalance = 5m })));
            calls.Add(("create category", client.PostAsJsonAsync("/api/categories", new { name = $"New {round}", kind = "expense" })));
            foreach (var (call, task) in calls)
            {
                answers.Add((call, await task));
            }
        }

        output.WriteLine($"Account and category churn: {answers.Count} calls; " + string.Join(", ", answers
            .GroupBy(a => $"{a.Call} {(int)a.Response.StatusCode}").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}")));
        var failures = answers.Where(a => (int)a.Response.StatusCode >= 500).Select(a => $"{a.Call}: {(int)a.Response.StatusCode}").ToList();
        Assert.True(failures.Count == 0, string.Join('\n', failures) + "\n" + api.App.RecentLog("api"));
        Assert.All(answers.Where(a => a.Call == "delete account"), a => Assert.Equal(HttpStatusCode.NoContent, a.Response.StatusCode));
        Assert.All(answers.Where(a => a.Call == "delete category, moving its rows"), a => Assert.Equal(HttpStatusCode.NoContent, a.Response.StatusCode));
        Assert.All(answers.Where(a => a.Call == "delete category"), a => Assert.Contains(a.Response.StatusCode, new[] { HttpStatusCode.NoContent, HttpStatusCode.Conflict }));
        Assert.All(answers.Where(a => a.Call == "create"), a => Assert.Contains(a.Response.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.BadRequest }));
        Assert.All(answers.Where(a => a.Call == "update"), a => Assert.Contains(a.Response.StatusCode,
            new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.Conflict }));

        var accounts = (await client.GetFromJsonAsync<List<Account>>("/api/accounts"))!.Select(a => a.Id).ToHashSet();
        var categories = (await client.CategoriesAsync()).Select(c => c.Id).ToHashSet();
        var rows = await client.ListAllTransactionsAsync("pageSize=500");
        Assert.All(rows, r => Assert.Contains(r.AccountId, accounts));
        Assert.All(rows, r => Assert.True(r.CategoryId is null || categories.Contains(r.CategoryId.Value), $"{r} is in a deleted category"));
        // Ranges that cut months at both ends, one inside a single month, and the whole ledger.
        await IndependentSums.AssertReportsMatchRowsAsync(client, "2026-01-10", "2026-03-20");
        await IndependentSums.AssertReportsMatchRowsAsync(client, "2026-02-14", "2026-02-20");
        await IndependentSums.AssertReportsMatchRowsAsync(client, "2026-01-01", "2026-04-30");
        Assert.Empty(await api.Database.DriftAsync(userId));
        output.WriteLine($"Rows checked against every report: {rows.Count}");
    }

    private static async Task<Category> CreateCategoryAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/categories", new { name, kind = "expense" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Category>())!;
    }
}
