using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;
using static FinanceTracker.Tests.Infrastructure.StatementFiles;

namespace FinanceTracker.Tests.Api;

/// <summary>
/// The tag filter pages newest first by the date each tag row keeps of its transaction: every write that gives a tagged
/// row a date (an edit, a transfer's edit, an import) must leave its tag rows on that date, or the row is listed out of
/// place, in the wrong date range, or not at all.
/// </summary>
public sealed class TagFilterTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task PagesOfATagAndItsCombinedFiltersFollowDatesChangedByEdits()
    {
        var client = await api.NewUserClientAsync();
        var (checking, savings) = (await client.CreateAccountAsync("Checking"), await client.CreateAccountAsync("Savings"));
        var groceries = (await client.CategoriesAsync()).First(c => c.Name == "Groceries");
        var tagged = new List<Transaction>();
        for (var i = 0; i < 7; i++)
        {
            tagged.Add(await client.CreateTransactionAsync(i % 2 == 0 ? checking.Id : savings.Id, -1m - i, $"2026-03-{i + 1:00}",
                payee: i % 3 == 0 ? "Market" : "Shop", categoryId: i % 2 == 0 ? groceries.Id : null, tags: ["trip", "other"]));
        }
        await client.CreateTransactionAsync(checking.Id, -100m, "2026-03-10");
        await client.CreateTransactionAsync(checking.Id, -200m, "2026-03-04", tags: ["work"]);

        // The oldest becomes the newest; another moves onto a date a tagged row already has, where the id breaks the tie.
        await MoveAsync(client, tagged[0], "2026-03-20");
        await MoveAsync(client, tagged[5], "2026-03-02");

        var rows = new List<Transaction>();
        foreach (var t in tagged)
        {
            rows.Add((await client.GetFromJsonAsync<Transaction>($"/api/transactions/{t.Id}"))!);
        }
        var newestFirst = rows.OrderByDescending(t => t.Date, StringComparer.Ordinal).ThenByDescending(t => t.Id).ToList();
        Assert.Equal(tagged[0].Id, newestFirst[0].Id);

        Assert.Equal(Ids(newestFirst), await PagedAsync(client, "tag=trip"));
        Assert.Equal(Ids(newestFirst.Where(t => t.AccountId == checking.Id)), await PagedAsync(client, $"tag=trip&accountId={checking.Id}"));
        Assert.Equal(Ids(newestFirst.Where(t => t.CategoryId == groceries.Id)), await PagedAsync(client, $"tag=TRIP&categoryId={groceries.Id}"));
        Assert.Equal(Ids(newestFirst.Where(t => t.Payee == "Market")), await PagedAsync(client, "tag=trip&q=mark"));
        Assert.Equal([tagged[2].Id, tagged[5].Id, tagged[1].Id], await PagedAsync(client, "tag=trip&from=2026-03-02&to=2026-03-03"));
        Assert.Empty(await PagedAsync(client, "tag=trip&from=2026-03-01&to=2026-03-01"));

        var totals = (await client.GetFromJsonAsync<TransactionTotals>("/api/transactions/totals?tag=trip&from=2026-03-15"))!;
        Assert.Equal((1L, -1m), (totals.TotalCount, totals.Totals.Single().Amount));
        var listed = await client.ListTransactionsAsync("tag=other&pageSize=3");
        Assert.Equal((7L, rows.Sum(t => t.Amount)), (listed.TotalCount, listed.Totals.Single().Amount));
        Assert.Equal(Ids(newestFirst.Take(3)), Ids(listed.Items));
    }

    [Fact]
    public async Task ATransfersNewDateMovesTheTagsOfTheSideThatWasNotEdited()
    {
        var client = await api.NewUserClientAsync();
        var (a, b) = (await client.CreateAccountAsync("A"), await client.CreateAccountAsync("B"));
        var early = await client.CreateTransactionAsync(a.Id, -1m, "2026-03-05", tags: ["trip"]);
        var late = await client.CreateTransactionAsync(a.Id, -2m, "2026-03-10", tags: ["trip"]);
        var response = await client.PostAsJsonAsync("/api/transfers", new { fromAccountId = a.Id, toAccountId = b.Id, date = "2026-03-01", amount = 40m });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<TransferCreated>())!;

        // Only the receiving side is tagged; then the sending side's edit moves both sides to a later date.
        var to = (await client.GetFromJsonAsync<Transaction>($"/api/transactions/{created.ToTransactionId}"))!;
        await PutAsync(client, to.Id, new { accountId = b.Id, date = to.Date, amount = 40m, tags = new[] { "trip" }, version = to.Version });
        var from = (await client.GetFromJsonAsync<Transaction>($"/api/transactions/{created.FromTransactionId}"))!;
        await PutAsync(client, from.Id, new { accountId = a.Id, date = "2026-03-20", amount = -40m, version = from.Version });

        Assert.Equal([to.Id, late.Id, early.Id], await PagedAsync(client, "tag=trip"));
        Assert.Equal([to.Id], await PagedAsync(client, "tag=trip&from=2026-03-15"));

        // The tagged side's own edit moves its tags as well.
        to = (await client.GetFromJsonAsync<Transaction>($"/api/transactions/{to.Id}"))!;
        await PutAsync(client, to.Id, new { accountId = b.Id, date = "2026-03-07", amount = 40m, tags = new[] { "trip" }, version = to.Version });
        Assert.Equal([late.Id, to.Id, early.Id], await PagedAsync(client, "tag=trip"));
        var userId = await api.Database.ScalarAsync<long>("SELECT user_id FROM accounts WHERE id = @id", ("@id", a.Id));
        Assert.Empty(await api.Database.DriftAsync(userId));
    }

    [Fact]
    public async Task RowsAnImportRuleTagsTakeTheirDatesPlaceInTheTagsPages()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var rule = await client.PostAsJsonAsync("/api/import-rules", new { match = "contains", pattern = "STARBUCKS", addTag = "coffee" });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        var first = await client.CreateTransactionAsync(account.Id, -3m, "2026-03-01", tags: ["coffee"]);
        var last = await client.CreateTransactionAsync(account.Id, -4m, "2026-03-31", tags: ["coffee"]);

        var file = Ofx(new Row("2026-03-20", -5.21m, "STARBUCKS 07604", "S1"), new Row("2026-03-15", -9m, "Cinema", "S2"),
            new Row("2026-03-10", -4.5m, "STARBUCKS 07604", "S3"));
        Assert.Equal(3, (await client.ImportAsync(file, "coffee.ofx", account.Id)).Added);

        var coffee = await client.ListAllTransactionsAsync("tag=coffee&pageSize=1");
        Assert.Equal(["2026-03-31", "2026-03-20", "2026-03-10", "2026-03-01"], coffee.Select(t => t.Date));
        Assert.Equal((last.Id, first.Id), (coffee[0].Id, coffee[^1].Id));
        var march = await client.ListTransactionsAsync("tag=coffee&from=2026-03-05&to=2026-03-25");
        Assert.Equal((2L, -9.71m), (march.TotalCount, march.Totals.Single().Amount));
        Assert.Equal([-5.21m, -4.5m], march.Items.Select(t => t.Amount));
    }

    private static async Task MoveAsync(HttpClient client, Transaction t, string date) =>
        await PutAsync(client, t.Id, new { accountId = t.AccountId, categoryId = t.CategoryId, date, amount = t.Amount, payee = t.Payee, tags = t.Tags, version = t.Version });

    private static async Task PutAsync(HttpClient client, long id, object body) =>
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/transactions/{id}", body)).StatusCode);

    /// <summary>Every row of the filter, two to a page (the cursor crosses rows of one date), by id.</summary>
    private static async Task<List<long>> PagedAsync(HttpClient client, string query) =>
        Ids(await client.ListAllTransactionsAsync($"{query}&pageSize=2"));

    private static List<long> Ids(IEnumerable<Transaction> rows) => rows.Select(t => t.Id).ToList();
}
