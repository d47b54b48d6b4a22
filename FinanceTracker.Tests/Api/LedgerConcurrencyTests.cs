using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>Transfers and splits written, edited and deleted all at once: no failure, no deadlock, every total exact.</summary>
public sealed class LedgerConcurrencyTests(ApiFixture api, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task CrossingTransfersSideEditsDeletesAndSplitsRacingKeepEveryTotalExact()
    {
        var client = await api.NewUserClientAsync();
        var (a, b, dollars) = (await client.CreateAccountAsync("A", openingBalance: 500m), await client.CreateAccountAsync("B"), await client.CreateAccountAsync("D", "USD"));
        var categories = await client.CategoriesAsync();
        var (groceries, dining) = (categories.First(c => c.Name == "Groceries"), categories.First(c => c.Name == "Dining"));
        var userId = await api.Database.ScalarAsync<long>("SELECT user_id FROM accounts WHERE id = @id", ("@id", a.Id));
        var seeded = new List<TransferCreated>();
        for (var i = 0; i < 8; i++)
        {
            var response = await client.PostAsJsonAsync("/api/transfers", new { fromAccountId = i % 2 == 0 ? a.Id : b.Id, toAccountId = i % 2 == 0 ? b.Id : a.Id, date = $"2026-03-{i + 1:00}", amount = 10m + i });
            seeded.Add((await response.Content.ReadFromJsonAsync<TransferCreated>())!);
        }
        var splitRows = new List<Transaction>();
        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostAsJsonAsync("/api/transactions", SplitBody(i % 2 == 0 ? a.Id : b.Id, -20m - i, 1));
            splitRows.Add((await response.Content.ReadFromJsonAsync<Transaction>())!);
        }

        var calls = new List<(string Call, Task<HttpResponseMessage> Task)>();
        for (var i = 0; i < 12; i++)
        {
            // Opposite directions between the same accounts, and across currencies.
            calls.Add(("create transfer", client.PostAsJsonAsync("/api/transfers", (i % 3) switch
            {
                0 => (object)new { fromAccountId = a.Id, toAccountId = b.Id, date = $"2026-03-{i + 10:00}", amount = 1.5m },
                1 => new { fromAccountId = b.Id, toAccountId = a.Id, date = $"2026-03-{i + 10:00}", amount = 2.25m },
                _ => new { fromAccountId = a.Id, toAccountId = dollars.Id, date = $"2026-03-{i + 10:00}", amount = 3m, toAmount = 3.27m },
            })));
            calls.Add(("create split", client.PostAsJsonAsync("/api/transactions", SplitBody(i % 2 == 0 ? b.Id : a.Id, -7m, i))));
        }
        foreach (var (transfer, i) in seeded.Select((t, i) => (t, i)))
        {
            var sideId = i % 2 == 0 ? transfer.FromTransactionId : transfer.ToTransactionId;
            var side = (await client.GetFromJsonAsync<Transaction>($"/api/transactions/{sideId}"))!;
            calls.Add(i % 3 == 0
                ? ("delete side", client.DeleteAsync($"/api/transactions/{sideId}"))
                : ("edit side", client.PutAsJsonAsync($"/api/transactions/{sideId}",
                    new { accountId = side.AccountId, date = "2026-04-05", amount = side.Amount * 2, payee = "Edited", version = side.Version })));
        }
        foreach (var row in splitRows)
        {
            calls.Add(("edit split", client.PutAsJsonAsync($"/api/transactions/{row.Id}", new
            {
                accountId = row.AccountId == a.Id ? b.Id : a.Id, date = "2026-04-06", amount = -12m, version = row.Version,
                splits = new object[] { new { categoryId = dining.Id, amount = -13m }, new { categoryId = groceries.Id, amount = 1m } },
            })));
        }
        var answers = new List<(string Call, HttpResponseMessage Response)>();
        foreach (var (call, task) in calls)
        {
            answers.Add((call, await task));
        }

        output.WriteLine(string.Join(", ", answers.GroupBy(x => $"{x.Call} {(int)x.Response.StatusCode}").Select(g => $"{g.Key} x{g.Count()}")));
        Assert.All(answers, x => Assert.True(x.Response.IsSuccessStatusCode, $"{x.Call}: {(int)x.Response.StatusCode}\n{api.App.RecentLog("api")}"));
        var rows = await client.ListAllTransactionsAsync("pageSize=500");
        Assert.All(rows.Where(r => r.TransferId is not null).GroupBy(r => r.TransferId), pair =>
        {
            Assert.Equal(2, pair.Count());
            Assert.Single(pair.Select(r => (r.Date, r.Payee)).Distinct());
        });
        Assert.Equal(0m, rows.Where(r => r.TransferId is not null && r.Currency == "EUR" && !rows.Any(o => o.TransferId == r.TransferId && o.Currency == "USD")).Sum(r => r.Amount));
        await IndependentSums.AssertReportsMatchRowsAsync(client, "2026-03-05", "2026-04-20");
        Assert.Empty(await api.Database.DriftAsync(userId));

        static object SplitBody(long accountId, decimal amount, int i) => new
        {
            accountId, date = $"2026-03-{i % 28 + 1:00}", amount, payee = "Splitter",
            splits = new object[] { new { amount = amount + 1m }, new { amount = -1m } },
        };
    }
}
