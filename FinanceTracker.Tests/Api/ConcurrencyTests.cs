using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

public sealed class ConcurrencyTests(ApiFixture api) : IClassFixture<ApiFixture>
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

    private static async Task<Category> CreateCategoryAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/categories", new { name, kind = "expense" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Category>())!;
    }
}
