using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

public sealed class TransferTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task ATransferMovesBothBalancesAndIsNeitherIncomeNorSpending()
    {
        var client = await api.NewUserClientAsync();
        var (checking, savings) = (await client.CreateAccountAsync("Checking", openingBalance: 100m), await client.CreateAccountAsync("Savings"));

        var created = await CreateAsync(client, new { fromAccountId = checking.Id, toAccountId = savings.Id, date = "2026-03-15", amount = 40m, payee = "Saving up" });

        Assert.Equal((60m, 40m), ((await client.GetAccountAsync(checking.Id)).Balance, (await client.GetAccountAsync(savings.Id)).Balance));
        var rows = await client.ListAllTransactionsAsync();
        Assert.Equal([(created.ToTransactionId, savings.Id, 40m, checking.Id), (created.FromTransactionId, checking.Id, -40m, savings.Id)],
            rows.OrderByDescending(r => r.Amount).Select(r => (r.Id, r.AccountId, r.Amount, r.TransferAccountId!.Value)));
        Assert.All(rows, r => Assert.Equal((created.Id, (long?)null, "Saving up"), (r.TransferId!.Value, r.CategoryId, r.Payee)));
        Assert.Equal(0m, (await client.ListTransactionsAsync()).Totals.Single().Amount);
        Assert.Equal(-40m, (await client.ListTransactionsAsync($"accountId={checking.Id}")).Totals.Single().Amount);
        var transfer = await client.GetFromJsonAsync<Transfer>($"/api/transfers/{created.Id}");
        Assert.Equal((40m, 40m, 1m, "EUR", "EUR"), (transfer!.Amount, transfer.ToAmount, transfer.Rate, transfer.FromCurrency, transfer.ToCurrency));
        Assert.Empty((await client.GetFromJsonAsync<SummaryReport>("/api/analytics/summary?from=2026-03-01&to=2026-03-31"))!.Currencies);
        await IndependentSums.AssertReportsMatchRowsAsync(client, "2026-03-10", "2026-03-31");
    }

    [Fact]
    public async Task AcrossCurrenciesTheAmountThatArrivedIsRequiredAndItsRateKept()
    {
        var client = await api.NewUserClientAsync();
        var (euros, dollars) = (await client.CreateAccountAsync("Euro", "EUR"), await client.CreateAccountAsync("Dollar", "USD"));
        var body = new { fromAccountId = euros.Id, toAccountId = dollars.Id, date = "2026-03-15", amount = 100m };

        await (await client.PostAsJsonAsync("/api/transfers", body)).AssertProblemAsync(HttpStatusCode.BadRequest, "toAmount");
        await (await client.PostAsJsonAsync("/api/transfers", body with { amount = 100.001m })).AssertProblemAsync(HttpStatusCode.BadRequest, "amount");
        await (await client.PostAsJsonAsync("/api/transfers", new { body.fromAccountId, body.toAccountId, body.date, body.amount, toAmount = 108.735m }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "toAmount");
        Assert.Empty(await client.ListAllTransactionsAsync());

        var created = await CreateAsync(client, new { body.fromAccountId, body.toAccountId, body.date, body.amount, toAmount = 108.73m });

        var transfer = await client.GetFromJsonAsync<Transfer>($"/api/transfers/{created.Id}");
        Assert.Equal((100m, "EUR", 108.73m, "USD", 1.0873m), (transfer!.Amount, transfer.FromCurrency, transfer.ToAmount, transfer.ToCurrency, transfer.Rate));
        Assert.Equal((-100m, 108.73m), ((await client.GetAccountAsync(euros.Id)).Balance, (await client.GetAccountAsync(dollars.Id)).Balance));
        Assert.Empty((await client.GetFromJsonAsync<SummaryReport>("/api/analytics/summary?from=2026-03-01&to=2026-03-31"))!.Currencies);
    }

    [Fact]
    public async Task BadTransfersAre400NamingTheField()
    {
        var client = await api.NewUserClientAsync();
        var (a, b) = (await client.CreateAccountAsync("A"), await client.CreateAccountAsync("B"));
        await Post(new { fromAccountId = a.Id, toAccountId = a.Id, date = "2026-03-15", amount = 1m }, "toAccountId");
        await Post(new { fromAccountId = a.Id, toAccountId = b.Id, date = "2026-03-15", amount = 0m }, "amount");
        await Post(new { fromAccountId = a.Id, toAccountId = b.Id, date = "2026-03-15", amount = -5m }, "amount");
        await Post(new { fromAccountId = a.Id, toAccountId = b.Id, date = "2026-03-15", amount = 5m, toAmount = 6m }, "toAmount");
        await Post(new { fromAccountId = a.Id, toAccountId = b.Id, date = "1800-01-01", amount = 5m }, "date");
        await Post(new { toAccountId = b.Id, date = "2026-03-15", amount = 5m }, "fromAccountId");
        Assert.Empty(await client.ListAllTransactionsAsync());

        async Task Post(object body, string field) =>
            await (await client.PostAsJsonAsync("/api/transfers", body)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task EditingOneSideEditsBothAndACategorySplitsOrAnotherAccountAreRefused()
    {
        var client = await api.NewUserClientAsync();
        var (a, b) = (await client.CreateAccountAsync("A"), await client.CreateAccountAsync("B"));
        var created = await CreateAsync(client, new { fromAccountId = a.Id, toAccountId = b.Id, date = "2026-03-15", amount = 40m });
        var to = (await client.GetFromJsonAsync<Transaction>($"/api/transactions/{created.ToTransactionId}"))!;
        var category = (await client.CategoriesAsync()).First();

        var edit = new { accountId = b.Id, date = "2026-04-02", amount = 55.5m, payee = "Rainy day", notes = "April", version = to.Version };
        await Put(to.Id, edit with { amount = -55.5m }, HttpStatusCode.BadRequest, "amount");
        await Put(to.Id, new { edit.accountId, edit.date, edit.amount, categoryId = category.Id, edit.version }, HttpStatusCode.BadRequest, "categoryId");
        await Put(to.Id, edit with { accountId = a.Id }, HttpStatusCode.BadRequest, "accountId");
        await Put(to.Id, new { edit.accountId, edit.date, edit.amount, edit.version, splits = new[] { new { amount = 50m }, new { amount = 5.5m } } }, HttpStatusCode.BadRequest, "splits");
        await Put(to.Id, edit, HttpStatusCode.OK);
        await Put(to.Id, edit, HttpStatusCode.Conflict);

        var from = (await client.GetFromJsonAsync<Transaction>($"/api/transactions/{created.FromTransactionId}"))!;
        Assert.Equal(("2026-04-02", -55.5m, "Rainy day", "April", 2), (from.Date, from.Amount, from.Payee, from.Notes, from.Version));
        Assert.Equal((-55.5m, 55.5m), ((await client.GetAccountAsync(a.Id)).Balance, (await client.GetAccountAsync(b.Id)).Balance));
        await IndependentSums.AssertReportsMatchRowsAsync(client, "2026-03-01", "2026-04-30");

        async Task Put(long id, object body, HttpStatusCode status, string? field = null)
        {
            var response = await client.PutAsJsonAsync($"/api/transactions/{id}", body);
            if (status == HttpStatusCode.OK) Assert.Equal(status, response.StatusCode);
            else await response.AssertProblemAsync(status, field);
        }
    }

    [Fact]
    public async Task EditingAnAmountAcrossCurrenciesChangesOnlyThatSide()
    {
        var client = await api.NewUserClientAsync();
        var (euros, yen) = (await client.CreateAccountAsync("Euro", "EUR"), await client.CreateAccountAsync("Yen", "JPY"));
        var created = await CreateAsync(client, new { fromAccountId = euros.Id, toAccountId = yen.Id, date = "2026-03-15", amount = 100m, toAmount = 16000m });
        var from = (await client.GetFromJsonAsync<Transaction>($"/api/transactions/{created.FromTransactionId}"))!;

        var response = await client.PutAsJsonAsync($"/api/transactions/{from.Id}", new { accountId = euros.Id, date = "2026-03-16", amount = -101m, version = from.Version });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var transfer = (await client.GetFromJsonAsync<Transfer>($"/api/transfers/{created.Id}"))!;
        Assert.Equal((101m, 16000m, "2026-03-16"), (transfer.Amount, transfer.ToAmount, transfer.Date));
        Assert.Equal(decimal.Round(16000m / 101m, 8), transfer.Rate);
        Assert.Equal((-101m, 16000m), ((await client.GetAccountAsync(euros.Id)).Balance, (await client.GetAccountAsync(yen.Id)).Balance));
    }

    [Fact]
    public async Task DeletingEitherSideOrTheTransferRemovesBoth()
    {
        var client = await api.NewUserClientAsync();
        var (a, b) = (await client.CreateAccountAsync("A", openingBalance: 10m), await client.CreateAccountAsync("B"));
        var first = await CreateAsync(client, new { fromAccountId = a.Id, toAccountId = b.Id, date = "2026-03-15", amount = 4m });
        var second = await CreateAsync(client, new { fromAccountId = b.Id, toAccountId = a.Id, date = "2026-03-16", amount = 1m });

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/transactions/{first.ToTransactionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/transfers/{second.Id}")).StatusCode);

        Assert.Empty(await client.ListAllTransactionsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/transfers/{first.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/transactions/{first.FromTransactionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/transfers/{second.Id}")).StatusCode);
        Assert.Equal((10m, 0m), ((await client.GetAccountAsync(a.Id)).Balance, (await client.GetAccountAsync(b.Id)).Balance));
    }

    [Fact]
    public async Task DeletingAnAccountLeavesTheOtherSideAsATransferWithoutCounterpart()
    {
        var client = await api.NewUserClientAsync();
        var (a, b) = (await client.CreateAccountAsync("A"), await client.CreateAccountAsync("B"));
        var created = await CreateAsync(client, new { fromAccountId = a.Id, toAccountId = b.Id, date = "2026-03-15", amount = 4m });
        var userId = await api.Database.ScalarAsync<long>("SELECT user_id FROM accounts WHERE id = @id", ("@id", a.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/accounts/{b.Id}")).StatusCode);

        var left = Assert.Single(await client.ListAllTransactionsAsync());
        Assert.Equal((created.FromTransactionId, created.Id, (long?)null), (left.Id, left.TransferId!.Value, left.TransferAccountId));
        var transfer = (await client.GetFromJsonAsync<Transfer>($"/api/transfers/{created.Id}"))!;
        Assert.Equal((4m, (long?)null, (decimal?)null), (transfer.Amount, transfer.ToTransactionId, transfer.ToAmount));
        Assert.Empty((await client.GetFromJsonAsync<SummaryReport>("/api/analytics/summary?from=2026-03-01&to=2026-03-31"))!.Currencies);
        Assert.Empty(await api.Database.DriftAsync(userId));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/transactions/{left.Id}")).StatusCode);
        Assert.Equal(0m, (await client.GetAccountAsync(a.Id)).Balance);
    }

    [Fact]
    public async Task AnotherPersonsAccountsAndTransfersAreNeverReachable()
    {
        var (owner, stranger) = (await api.NewUserClientAsync(), await api.NewUserClientAsync());
        var (a, b) = (await owner.CreateAccountAsync("A"), await owner.CreateAccountAsync("B"));
        var theirs = await stranger.CreateAccountAsync("Theirs");
        var created = await CreateAsync(owner, new { fromAccountId = a.Id, toAccountId = b.Id, date = "2026-03-15", amount = 4m });

        await (await stranger.PostAsJsonAsync("/api/transfers", new { fromAccountId = theirs.Id, toAccountId = a.Id, date = "2026-03-15", amount = 1m }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "toAccountId");
        await (await owner.PostAsJsonAsync("/api/transfers", new { fromAccountId = theirs.Id, toAccountId = a.Id, date = "2026-03-15", amount = 1m }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "fromAccountId");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/transfers/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/transfers/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/transactions/{created.FromTransactionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/transactions/{created.FromTransactionId}",
            new { accountId = theirs.Id, date = "2026-03-15", amount = -1m, version = 1 })).StatusCode);

        Assert.Equal(2, (await owner.ListAllTransactionsAsync()).Count);
        Assert.Empty(await stranger.ListAllTransactionsAsync());
        Assert.Equal(0m, (await stranger.GetAccountAsync(theirs.Id)).Balance);
    }

    private static async Task<TransferCreated> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/transfers", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<TransferCreated>())!;
        Assert.Equal($"/api/transfers/{created.Id}", response.Headers.Location?.OriginalString);
        return created;
    }
}
