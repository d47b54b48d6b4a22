using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>Another person's ids answer exactly like ids that don't exist, on every verb, and change nothing.</summary>
public sealed class IsolationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task AnotherUsersTransactionIsNotFoundOnEveryVerbAndStaysUnchanged()
    {
        var (owner, intruder) = (await api.NewUserClientAsync(), await api.NewUserClientAsync());
        var account = await owner.CreateAccountAsync(openingBalance: 10m);
        var t = await owner.CreateTransactionAsync(account.Id, -4m, payee: "Private");
        var intruderAccount = await intruder.CreateAccountAsync();
        var update = new { accountId = intruderAccount.Id, date = t.Date, amount = -1m, payee = "Hacked", version = t.Version };

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/api/transactions/{t.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PutAsJsonAsync($"/api/transactions/{t.Id}", update)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.DeleteAsync($"/api/transactions/{t.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync("/api/transactions/999999999")).StatusCode);

        Assert.Equal(t, await owner.GetFromJsonAsync<Transaction>($"/api/transactions/{t.Id}"));
        Assert.Equal(6m, (await owner.GetAccountAsync(account.Id)).Balance);
    }

    [Fact]
    public async Task AnotherUsersAccountIsNotFoundOnEveryVerbAndCannotReceiveTransactions()
    {
        var (owner, intruder) = (await api.NewUserClientAsync(), await api.NewUserClientAsync());
        var account = await owner.CreateAccountAsync("Owner's", openingBalance: 10m);
        var update = new { name = "Hacked", type = "cash", currency = "EUR", openingBalance = 0m, archived = true };

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/api/accounts/{account.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PutAsJsonAsync($"/api/accounts/{account.Id}", update)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.DeleteAsync($"/api/accounts/{account.Id}")).StatusCode);
        var post = await intruder.PostAsJsonAsync("/api/transactions", new { accountId = account.Id, date = "2026-01-01", amount = -1m });
        await post.AssertProblemAsync(HttpStatusCode.BadRequest, "accountId");

        Assert.Equal(account, await owner.GetAccountAsync(account.Id));
        Assert.Empty(await intruder.GetFromJsonAsync<List<Account>>("/api/accounts") ?? []);
        Assert.Equal(0, (await owner.ListTransactionsAsync()).TotalCount);
    }

    [Fact]
    public async Task AnotherUsersCategoryIsNotFoundOnEveryVerbAndCannotBeUsed()
    {
        var (owner, intruder) = (await api.NewUserClientAsync(), await api.NewUserClientAsync());
        var category = (await owner.CategoriesAsync()).First(c => c.Name == "Dining");
        var intruderAccount = await intruder.CreateAccountAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/api/categories/{category.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await intruder.PutAsJsonAsync($"/api/categories/{category.Id}", new { name = "Mine", kind = "expense" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.DeleteAsync($"/api/categories/{category.Id}")).StatusCode);
        var post = await intruder.PostAsJsonAsync("/api/transactions",
            new { accountId = intruderAccount.Id, categoryId = category.Id, date = "2026-01-01", amount = -1m });
        await post.AssertProblemAsync(HttpStatusCode.BadRequest, "categoryId");
        var child = await intruder.PostAsJsonAsync("/api/categories", new { name = "Sub", kind = "expense", parentId = category.Id });
        await child.AssertProblemAsync(HttpStatusCode.BadRequest, "parentId");

        Assert.Contains(await owner.CategoriesAsync(), c => c == category);
    }

    [Fact]
    public async Task ListsAndFiltersOnlyEverShowTheCallersRows()
    {
        var (alice, bob) = (await api.NewUserClientAsync(), await api.NewUserClientAsync());
        var aliceAccount = await alice.CreateAccountAsync();
        await alice.CreateTransactionAsync(aliceAccount.Id, -9m, payee: "Shared payee", tags: ["shared"]);
        var bobAccount = await bob.CreateAccountAsync();
        await bob.CreateTransactionAsync(bobAccount.Id, -1m, payee: "Shared payee", tags: ["shared"]);

        foreach (var query in new[] { "", "q=Shared", "tag=shared", $"accountId={aliceAccount.Id}" })
        {
            var page = await bob.ListTransactionsAsync(query);
            Assert.All(page.Items, t => Assert.Equal(bobAccount.Id, t.AccountId));
            Assert.All(page.Totals, total => Assert.NotEqual(-9m, total.Amount));
        }
        var aliceCategoryIds = (await alice.CategoriesAsync()).Select(c => c.Id).ToHashSet();
        Assert.DoesNotContain(await bob.CategoriesAsync(), c => aliceCategoryIds.Contains(c.Id));
    }

    [Theory]
    [InlineData("GET", "/api/accounts")]
    [InlineData("POST", "/api/accounts")]
    [InlineData("GET", "/api/categories")]
    [InlineData("DELETE", "/api/categories/1")]
    [InlineData("GET", "/api/transactions")]
    [InlineData("GET", "/api/transactions/1")]
    [InlineData("PUT", "/api/transactions/1")]
    [InlineData("DELETE", "/api/transactions/1")]
    [InlineData("GET", "/api/budgets/2026-03")]
    [InlineData("PUT", "/api/budgets/2026-03")]
    [InlineData("POST", "/api/budgets/2026-03/copy-from/2026-02")]
    [InlineData("GET", "/api/transfers/1")]
    [InlineData("GET", "/api/recurring")]
    public async Task WithoutATokenEveryLedgerEndpointAnswers401(string method, string path)
    {
        var client = api.AnonymousClient();
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT") request.Content = JsonContent.Create(new { name = "x" });

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AForgedTokenIsRejected()
    {
        var client = api.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "CfDJ8forged-token-value");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/accounts")).StatusCode);
    }
}
