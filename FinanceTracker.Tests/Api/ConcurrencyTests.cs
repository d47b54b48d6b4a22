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
}
