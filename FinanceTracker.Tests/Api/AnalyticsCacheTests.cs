using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>
/// The cache on real Redis, with Api instances of their own so their cache counters are theirs alone.
/// Two instances over one database and one Redis stand for two replicas.
/// </summary>
public sealed class AnalyticsCacheTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task SecondReadIsServedFromTheCache()
    {
        await using var replica = new ApiFactory(api.App);
        using var counter = new CacheCounter(replica.Services);
        var client = await SignInAsync(replica, await NewUserWithIncomeAsync(50m));

        var first = await client.GetFromJsonAsync<SummaryReport>("/api/analytics/summary");
        var second = await client.GetFromJsonAsync<SummaryReport>("/api/analytics/summary");

        Assert.Equal(first!.Currencies, second!.Currencies);
        Assert.Equal((1, 1, 0), counter.Read());
    }

    [Fact]
    public async Task AWriteOnOneReplicaMakesTheNextReadFreshOnBoth()
    {
        await using var replicaA = new ApiFactory(api.App);
        await using var replicaB = new ApiFactory(api.App);
        using var counterA = new CacheCounter(replicaA.Services);
        var email = await NewUserWithIncomeAsync(100m);
        var (a, b) = (await SignInAsync(replicaA, email), await SignInAsync(replicaB, email));
        await a.GetAsync("/api/analytics/summary");
        Assert.Equal(100m, await IncomeAsync(a));
        Assert.Equal(100m, await IncomeAsync(b));
        Assert.Equal((1, 1), (counterA.Read().Hits, counterA.Read().Misses));

        var account = (await b.GetFromJsonAsync<List<Account>>("/api/accounts"))!.Single();
        await b.CreateTransactionAsync(account.Id, 25.5m, date: Today());

        Assert.Equal(125.5m, await IncomeAsync(a));
        Assert.Equal(125.5m, await IncomeAsync(b));
        Assert.Equal(2, counterA.Read().Misses);
    }

    [Fact]
    public async Task OneUsersWriteLeavesAnotherUsersCachedReportAlone()
    {
        await using var replica = new ApiFactory(api.App);
        using var counter = new CacheCounter(replica.Services);
        var (alice, bob) = (await SignInAsync(replica, await NewUserWithIncomeAsync(10m)), await SignInAsync(replica, await NewUserWithIncomeAsync(20m)));
        await alice.GetAsync("/api/analytics/by-category");

        var bobAccount = (await bob.GetFromJsonAsync<List<Account>>("/api/accounts"))!.Single();
        await bob.CreateTransactionAsync(bobAccount.Id, -5m, date: Today());
        await alice.GetAsync("/api/analytics/by-category");

        Assert.Equal((1, 1, 0), counter.Read());
    }

    [Fact]
    public async Task EditsDeletesAndAccountChangesAllRefreshTheReport()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var t = await client.CreateTransactionAsync(account.Id, -40m, date: Today());
        Assert.Equal(40m, await SpendingAsync(client));

        await client.PutAsJsonAsync($"/api/transactions/{t.Id}", new { accountId = account.Id, date = t.Date, amount = -15m, version = t.Version });
        Assert.Equal(15m, await SpendingAsync(client));

        await client.DeleteAsync($"/api/transactions/{t.Id}");
        Assert.Equal(0m, await SpendingAsync(client));

        await client.CreateTransactionAsync(account.Id, -7m, date: Today());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/accounts/{account.Id}")).StatusCode);
        Assert.Equal(0m, await SpendingAsync(client));
    }

    internal static string Today() => $"{DateTime.UtcNow:yyyy-MM-dd}";

    private async Task<string> NewUserWithIncomeAsync(decimal income)
    {
        var email = $"cache-{Guid.NewGuid():N}@example.com";
        var client = await api.NewUserClientAsync(email);
        var account = await client.CreateAccountAsync();
        await client.CreateTransactionAsync(account.Id, income, date: Today());
        return email;
    }

    private static async Task<HttpClient> SignInAsync(ApiFactory replica, string email)
    {
        var client = replica.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiFixture.Password });
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken);
        return client;
    }

    private static async Task<decimal> IncomeAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<SummaryReport>("/api/analytics/summary"))!.Currencies.Single().Income;

    private static async Task<decimal> SpendingAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<SummaryReport>("/api/analytics/summary"))!.Currencies.SingleOrDefault()?.Spending ?? 0m;
}
