using System.Net;
using System.Net.Http.Json;
using System.Text;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>Bad bodies get 4xx problem details naming the field, never a 5xx, and change nothing.</summary>
public sealed class HostileInputTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    public static TheoryData<string, string> BadTransactionBodies => new()
    {
        { """{"accountId": ACCOUNT, "date": "2026-02-30", "amount": -1}""", "date" },
        { """{"accountId": ACCOUNT, "date": "31/01/2026", "amount": -1}""", "date" },
        { """{"accountId": ACCOUNT, "date": "2026-01-01", "amount": "ten"}""", "amount" },
        { """{"accountId": ACCOUNT, "date": "2026-01-01", "amount": 1e400}""", "amount" },
        { """{"accountId": ACCOUNT, "date": "2026-01-01", "amount": -1.234}""", "amount" },
        { """{"accountId": ACCOUNT, "date": "2026-01-01", "amount": 1000000000000}""", "amount" },
        { """{"accountId": ACCOUNT, "date": "2026-01-01"}""", "amount" },
        { """{"accountId": ACCOUNT, "amount": -1}""", "date" },
        { """{"date": "2026-01-01", "amount": -1}""", "accountId" },
        { """{"accountId": "1; DROP TABLE transactions", "date": "2026-01-01", "amount": -1}""", "accountId" },
        { """{"accountId": ACCOUNT, "date": "2026-01-01", "amount": -1, "payee": "PAYEE201"}""", "payee" },
        { """{"accountId": ACCOUNT, "date": "2026-01-01", "amount": -1, "notes": "NOTES2001"}""", "notes" },
        { """{"accountId": ACCOUNT, "date": "2026-01-01", "amount": -1, "tags": TAGS21}""", "tags" },
        { """{"accountId": ACCOUNT, "date": "2026-01-01", "amount": -1, "tags": ["TAG51"]}""", "tags" },
        { """{"accountId": ACCOUNT, "date": "2026-01-01", "amount": -1, "tags": [""]}""", "tags" },
        { """{"accountId": ACCOUNT, "date": "2026-01-01", "amount": -1, "tags": "solo"}""", "tags" },
        { """{"accountId": ACCOUNT, "date": "0001-01-01", "amount": -1}""", "date" },
        { """{"accountId": ACCOUNT, "date": "2026-01-01", "amount": -1, "amount": 5}""", "amount" },
        { """{"accountId": ACCOUNT, "date": "2026-01-01", "amount": -1, "categoryId": 999999999}""", "categoryId" },
        { """{"accountId": ACCOUNT, "date": "2026-01-01", "amount": -1""", "body" },
        { """{"accountId": ACCOUNT, "date": "2026-01-01", "amount": -1,}""", "body" },
        { """[1, 2, 3]""", "body" },
        { """null""", "body" },
    };

    [Theory]
    [MemberData(nameof(BadTransactionBodies))]
    public async Task BadTransactionBodyIs400NamingTheFieldAndStoresNothing(string template, string field)
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync(openingBalance: 5m);
        var json = template
            .Replace("ACCOUNT", account.Id.ToString(), StringComparison.Ordinal)
            .Replace("PAYEE201", new string('p', 201), StringComparison.Ordinal)
            .Replace("NOTES2001", new string('n', 2001), StringComparison.Ordinal)
            .Replace("TAGS21", "[" + string.Join(",", Enumerable.Range(0, 21).Select(i => $"\"t{i}\"")) + "]", StringComparison.Ordinal)
            .Replace("TAG51", new string('t', 51), StringComparison.Ordinal);

        var response = await client.PostAsync("/api/transactions", new StringContent(json, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(0, (await client.ListTransactionsAsync()).TotalCount);
        Assert.Equal(5m, (await client.GetAccountAsync(account.Id)).Balance);
    }

    [Fact]
    public async Task RejectedUpdateLeavesTheTransactionExactlyAsItWas()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync(currency: "JPY");
        var t = await client.CreateTransactionAsync(account.Id, -500m, payee: "Ramen", tags: ["food"]);

        var badBodies = new object[]
        {
            new { accountId = account.Id, date = t.Date, amount = -1.5m, version = t.Version },
            new { accountId = account.Id, date = t.Date, amount = -1m, payee = new string('x', 201), version = t.Version },
            new { accountId = account.Id, date = t.Date, amount = -1m },
            new { accountId = account.Id + 1_000_000, date = t.Date, amount = -1m, version = t.Version },
        };
        foreach (var body in badBodies)
        {
            var response = await client.PutAsJsonAsync($"/api/transactions/{t.Id}", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.Equal(t, await client.GetFromJsonAsync<Transaction>($"/api/transactions/{t.Id}"));
        Assert.Equal(-500m, (await client.GetAccountAsync(account.Id)).Balance);
    }

    [Fact]
    public async Task OversizedBodyIs413ProblemDetails()
    {
        var client = await api.NewUserClientAsync();
        var huge = $$"""{"name": "{{new string('a', 2_000_000)}}", "type": "cash", "currency": "EUR"}""";

        var response = await client.PostAsync("/api/accounts", new StringContent(huge, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(await client.GetFromJsonAsync<List<Account>>("/api/accounts") ?? []);
    }

    [Theory]
    [InlineData("from=2026-02-30", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-03-01&to=2026-02-01", "to")]
    [InlineData("minAmount=abc", "minAmount")]
    [InlineData("accountId=-1", "accountId")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task BadListQueryIs400NamingTheParameter(string query, string field)
    {
        var client = await api.NewUserClientAsync();
        await (await client.GetAsync($"/api/transactions?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task WrongContentTypeIsA4xxProblemNotAServerError()
    {
        var client = await api.NewUserClientAsync();
        var response = await client.PostAsync("/api/accounts", new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SqlAndMarkupInTextFieldsAreStoredVerbatim()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync("'; DROP TABLE accounts; --");
        const string payee = "<script>alert(1)</script> Robert'); DROP TABLE transactions;-- 💸";
        var t = await client.CreateTransactionAsync(account.Id, -1m, payee: payee, notes: "%_\\");

        Assert.Equal(payee, (await client.GetFromJsonAsync<Transaction>($"/api/transactions/{t.Id}"))!.Payee);
        Assert.Equal("'; DROP TABLE accounts; --", (await client.GetAccountAsync(account.Id)).Name);
        Assert.Single((await client.ListTransactionsAsync("q=" + Uri.EscapeDataString("%_\\"))).Items);
    }
}
