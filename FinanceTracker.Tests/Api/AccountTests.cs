using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

public sealed class AccountTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task CreatedAccountIsListedWithItsOpeningBalanceAsBalance()
    {
        var client = await api.NewUserClientAsync();
        var created = await client.CreateAccountAsync("Wallet", "USD", 12.3m, "cash");

        Assert.Equal(("Wallet", "cash", "USD", 12.30m, 12.30m, false),
            (created.Name, created.Type, created.Currency, created.OpeningBalance, created.Balance, created.Archived));
        Assert.Equal([created], await client.GetFromJsonAsync<List<Account>>("/api/accounts"));
    }

    [Fact]
    public async Task BalanceIsOpeningBalancePlusEveryTransactionExactly()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync(openingBalance: 1000.01m);
        foreach (var amount in new[] { -0.01m, -333.33m, 0.07m, 2500m, -0.33m })
        {
            await client.CreateTransactionAsync(account.Id, amount);
        }
        Assert.Equal(3166.41m, (await client.GetAccountAsync(account.Id)).Balance);

        var changed = await client.PutAsJsonAsync($"/api/accounts/{account.Id}",
            new { name = "Renamed", type = "checking", currency = "EUR", openingBalance = 10m, archived = false });

        Assert.Equal(2176.40m, (await changed.Content.ReadFromJsonAsync<Account>())!.Balance);
        Assert.Equal(2176.40m, (await client.GetAccountAsync(account.Id)).Balance);
    }

    [Theory]
    [InlineData("eur")]
    [InlineData("XYZ")]
    [InlineData("EURO")]
    [InlineData("")]
    public async Task UnknownCurrencyIsRejected(string currency)
    {
        var client = await api.NewUserClientAsync();
        var response = await client.PostAsJsonAsync("/api/accounts", new { name = "A", type = "cash", currency, openingBalance = 0m });
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "currency");
    }

    [Theory]
    [InlineData("JPY", 1.5)]
    [InlineData("EUR", 0.001)]
    [InlineData("KWD", 0.0001)]
    public async Task OpeningBalanceWithMoreDecimalsThanTheCurrencyHasIsRejected(string currency, double openingBalance)
    {
        var client = await api.NewUserClientAsync();
        var response = await client.PostAsJsonAsync("/api/accounts",
            new { name = "A", type = "savings", currency, openingBalance = (decimal)openingBalance });
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "openingBalance");
    }

    [Fact]
    public async Task UnknownAccountTypeIsRejected()
    {
        var client = await api.NewUserClientAsync();
        var response = await client.PostAsJsonAsync("/api/accounts", new { name = "A", type = "crypto", currency = "EUR" });
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "type");
    }

    [Fact]
    public async Task CurrencyCannotChangeOnceTheAccountHasTransactions()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        await client.CreateTransactionAsync(account.Id, -1m);

        var response = await client.PutAsJsonAsync($"/api/accounts/{account.Id}",
            new { name = account.Name, type = account.Type, currency = "USD", openingBalance = 0m, archived = false });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "currency");
        Assert.Equal("EUR", (await client.GetAccountAsync(account.Id)).Currency);
    }

    [Fact]
    public async Task ArchivingKeepsTheAccountAndItsBalance()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync(openingBalance: 7m);

        var response = await client.PutAsJsonAsync($"/api/accounts/{account.Id}",
            new { name = account.Name, type = account.Type, currency = account.Currency, openingBalance = 7m, archived = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(account with { Archived = true }, await client.GetAccountAsync(account.Id));
    }

    [Fact]
    public async Task DeletingAnAccountDeletesItsTransactionsOnly()
    {
        var client = await api.NewUserClientAsync();
        var doomed = await client.CreateAccountAsync("Old");
        var kept = await client.CreateAccountAsync("Kept");
        await client.CreateTransactionAsync(doomed.Id, -1m, tags: ["x"]);
        var survivor = await client.CreateTransactionAsync(kept.Id, -2m);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/accounts/{doomed.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/accounts/{doomed.Id}")).StatusCode);
        Assert.Equal([survivor.Id], (await client.ListAllTransactionsAsync()).Select(t => t.Id));
    }
}
