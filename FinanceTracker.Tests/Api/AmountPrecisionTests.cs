using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>
/// An amount finer than its currency allows (0.001 EUR, 0.5 JPY, 1e-30 anything) is refused by name,
/// never rounded, not even when the number is too small or too long for a decimal to hold.
/// </summary>
public sealed class AmountPrecisionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("EUR", "1e-30")]
    [InlineData("EUR", "-1E-30")]
    [InlineData("EUR", "0.0000000000000000000000000000001")]
    [InlineData("EUR", "1.00000000000000000000000000001")]
    [InlineData("EUR", "1e-30", true)]
    [InlineData("EUR", "0.001")]
    [InlineData("EUR", "1.5e-3")]
    [InlineData("JPY", "0.5")]
    [InlineData("JPY", "5e-1")]
    [InlineData("KWD", "0.0001")]
    public async Task TransactionAmountFinerThanTheCurrencyIs400AndStoresNothing(string currency, string amount, bool asString = false)
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync(currency: currency, openingBalance: 7m);
        var t = await client.CreateTransactionAsync(account.Id, -1m);
        var number = asString ? $"\"{amount}\"" : amount;

        var created = await client.PostAsync("/api/transactions",
            Json($$"""{"accountId": {{account.Id}}, "date": "2026-01-01", "amount": {{number}}}"""));
        var updated = await client.PutAsync($"/api/transactions/{t.Id}",
            Json($$"""{"accountId": {{account.Id}}, "date": "2026-01-01", "amount": {{number}}, "version": {{t.Version}}}"""));

        var problem = await created.AssertProblemAsync(HttpStatusCode.BadRequest, "amount");
        Assert.Contains("decimal places", Assert.Single(problem.Errors!["amount"]), StringComparison.Ordinal);
        await updated.AssertProblemAsync(HttpStatusCode.BadRequest, "amount");
        Assert.Equal([t], (await client.ListTransactionsAsync()).Items);
        Assert.Equal(6m, (await client.GetAccountAsync(account.Id)).Balance);
    }

    [Fact]
    public async Task TheMessageNamesTheCurrencyAndItsDecimalPlaces()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync(currency: "JPY");

        var response = await client.PostAsync("/api/transactions", Json($$"""{"accountId": {{account.Id}}, "date": "2026-01-01", "amount": 0.5}"""));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "amount");
        Assert.Equal("JPY amounts have no decimal places.", Assert.Single(problem.Errors!["amount"]));
    }

    [Theory]
    [InlineData("1.5e1", 15)]
    [InlineData("-2.50", -2.5)]
    [InlineData("1E2", 100)]
    [InlineData("\"12.5\"", 12.5)]
    [InlineData("0.100000000000000000000000000000000", 0.1)]
    [InlineData("1234.5e-2", 12.345)]
    public async Task ExactAmountsInAnyNotationAreStoredExactly(string amount, double expected)
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync(currency: "BHD");

        var response = await client.PostAsync("/api/transactions", Json($$"""{"accountId": {{account.Id}}, "date": "2026-01-01", "amount": {{amount}}}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((decimal)expected, (await response.Content.ReadFromJsonAsync<Transaction>())!.Amount);
    }

    [Theory]
    [InlineData("EUR", "1e-30")]
    [InlineData("EUR", "0.0000000000000000000000000000001")]
    [InlineData("EUR", "0.001")]
    [InlineData("JPY", "0.5")]
    public async Task OpeningBalanceFinerThanTheCurrencyIs400OnCreateAndUpdateAndChangesNothing(string currency, string openingBalance)
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync("Kept", currency, 3m);

        var created = await client.PostAsync("/api/accounts",
            Json($$"""{"name": "New", "type": "cash", "currency": "{{currency}}", "openingBalance": {{openingBalance}}}"""));
        var updated = await client.PutAsync($"/api/accounts/{account.Id}",
            Json($$"""{"name": "Kept", "type": "checking", "currency": "{{currency}}", "openingBalance": {{openingBalance}}, "archived": false}"""));

        await created.AssertProblemAsync(HttpStatusCode.BadRequest, "openingBalance");
        await updated.AssertProblemAsync(HttpStatusCode.BadRequest, "openingBalance");
        Assert.Equal([account], await client.GetFromJsonAsync<List<Account>>("/api/accounts"));
    }

    [Theory]
    [InlineData("minAmount=0.0000000000000000000000000000001", "minAmount")]
    [InlineData("maxAmount=-0.0000000000000000000000000000001", "maxAmount")]
    [InlineData("minAmount=1.00000000000000000000000000001", "minAmount")]
    [InlineData("maxAmount=0.00001", "maxAmount")]
    public async Task AmountFilterFinerThanAnyCurrencyIs400NamingIt(string query, string field)
    {
        var client = await api.NewUserClientAsync();

        await (await client.GetAsync($"/api/transactions?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task AmountFilterWithTrailingZerosStillFilters()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        await client.CreateTransactionAsync(account.Id, -1m);
        var zero = await client.CreateTransactionAsync(account.Id, 0m);

        Assert.Equal([zero.Id], (await client.ListTransactionsAsync("minAmount=0.000000000000000000000000000000&maxAmount=0.0000")).Items.Select(i => i.Id));
    }

    [Fact]
    public async Task OpenApiStillDescribesAmountsAsNumbers()
    {
        using var document = JsonDocument.Parse(await api.AnonymousClient().GetStringAsync("/openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        foreach (var (schema, property) in new[] { ("CreateTransactionRequest", "amount"), ("CreateAccountRequest", "openingBalance"), ("TransactionResponse", "amount") })
        {
            var types = schemas.GetProperty(schema).GetProperty("properties").GetProperty(property).GetProperty("type");
            Assert.Contains("number", types.EnumerateArray().Select(t => t.GetString()));
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
