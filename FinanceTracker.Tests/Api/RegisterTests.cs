using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>An account's register: the balance after every row from its whole history, cleared rows, reconciliation.</summary>
public sealed class RegisterTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private sealed record Status(long AccountId, string Currency, string StatementDate, decimal ClearedBalance, int ClearedCount, int UnclearedCount,
        string? LastReconciledDate, decimal? LastReconciledBalance);
    private sealed record Reconciled(long AccountId, string StatementDate, decimal StatementBalance, int ReconciledCount);

    [Fact]
    public async Task TheRunningBalanceOf2000RowsEqualsIndependentSumsOnEveryPageAndUnderFilters()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync("Everyday", openingBalance: 1234.56m);
        var other = await client.CreateAccountAsync("Savings");
        var groceries = (await client.CategoriesAsync()).First(c => c.Name == "Groceries");
        var random = new Random(2000);
        var start = new DateOnly(2024, 1, 1);
        await Parallel.ForAsync(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (i, _) =>
        {
            var date = start.AddDays(random.Next(0, 3 * 365)).ToString("yyyy-MM-dd");
            var amount = random.Next(-50000, 30000) / 100m;
            var target = i % 10 == 0 ? other : account;
            await client.CreateTransactionAsync(target.Id, amount == 0 ? 1m : amount, date, i % 3 == 0 ? "Corner shop" : $"Payee {i % 17}",
                categoryId: i % 4 == 0 ? groceries.Id : null);
        });
        var transfer = await client.PostAsJsonAsync("/api/transfers", new { fromAccountId = account.Id, toAccountId = other.Id, date = "2025-06-15", amount = 321.09m });
        Assert.Equal(HttpStatusCode.Created, transfer.StatusCode);

        // The balance after each row, summed here from every row of the account oldest first.
        var rows = (await client.ListAllTransactionsAsync($"accountId={account.Id}&pageSize=500")).OrderBy(t => t.Date).ThenBy(t => t.Id).ToList();
        var expected = new Dictionary<long, decimal>();
        var balance = 1234.56m;
        foreach (var row in rows)
        {
            balance += row.Amount;
            expected[row.Id] = balance;
        }
        Assert.Equal(balance, (await client.GetAccountAsync(account.Id)).Balance);

        foreach (var query in new[] { "pageSize=137", "pageSize=50&from=2024-03-17&to=2025-08-09", "q=corner&pageSize=61", $"categoryId={groceries.Id}&minAmount=-100" })
        {
            var listed = await client.ListAllTransactionsAsync($"accountId={account.Id}&{query}");
            Assert.NotEmpty(listed);
            Assert.All(listed, t => Assert.True(expected[t.Id] == t.RunningBalance, $"{query}: {t} shows {t.RunningBalance}, expected {expected[t.Id]}"));
        }
        var unfiltered = await client.ListTransactionsAsync();
        Assert.All(unfiltered.Items, t => Assert.Null(t.RunningBalance));
    }

    [Fact]
    public async Task ReconcilingToAStatementLocksTheClearedRowsAgainstUnconfirmedEdits()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync(openingBalance: 100m);
        var rent = await client.CreateTransactionAsync(account.Id, -40m, "2026-03-01", "Landlord");
        var pay = await client.CreateTransactionAsync(account.Id, 250m, "2026-03-05", "Employer");
        var pending = await client.CreateTransactionAsync(account.Id, -15.5m, "2026-03-09", "Cafe");
        var later = await client.CreateTransactionAsync(account.Id, -1m, "2026-04-02", "Kiosk");

        var cleared = await client.PutAsJsonAsync($"/api/transactions/{rent.Id}/cleared", new { cleared = true });
        Assert.True((await cleared.Content.ReadFromJsonAsync<Transaction>())!.Cleared);
        var status = await client.GetFromJsonAsync<Status>($"/api/accounts/{account.Id}/reconciliation?statementDate=2026-03-31");
        Assert.Equal((60m, 1, 2), (status!.ClearedBalance, status.ClearedCount, status.UnclearedCount));

        // The statement shows 310.00: rent and pay, not yet the cafe. A wrong balance reconciles nothing.
        var wrong = await client.PostAsJsonAsync($"/api/accounts/{account.Id}/reconcile", new { statementDate = "2026-03-31", statementBalance = 294.5m, clearedIds = new[] { pay.Id } });
        var problem = await wrong.AssertProblemAsync(HttpStatusCode.Conflict, "statementBalance");
        Assert.Contains("difference of -15.50", problem.Detail);
        Assert.False((await client.GetFromJsonAsync<Transaction>($"/api/transactions/{pay.Id}"))!.Cleared);
        var stranger = await client.PostAsJsonAsync($"/api/accounts/{account.Id}/reconcile", new { statementDate = "2026-03-31", statementBalance = 310m, clearedIds = new[] { later.Id } });
        await stranger.AssertProblemAsync(HttpStatusCode.BadRequest, "clearedIds");

        var done = await client.PostAsJsonAsync($"/api/accounts/{account.Id}/reconcile", new { statementDate = "2026-03-31", statementBalance = 310m, clearedIds = new[] { pay.Id } });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(new Reconciled(account.Id, "2026-03-31", 310m, 2), await done.Content.ReadFromJsonAsync<Reconciled>());
        var after = await client.GetFromJsonAsync<Status>($"/api/accounts/{account.Id}/reconciliation?statementDate=2026-03-31");
        Assert.Equal((310m, "2026-03-31", (decimal?)310m), (after!.ClearedBalance, after.LastReconciledDate, after.LastReconciledBalance));
        var register = (await client.ListAllTransactionsAsync($"accountId={account.Id}")).ToDictionary(t => t.Id);
        Assert.Equal([true, true, false, false], new[] { rent, pay, pending, later }.Select(t => register[t.Id].Reconciled));

        // A reconciled row asks first: an edit or delete without confirmReconciled is refused and changes nothing.
        var edit = new { accountId = account.Id, date = "2026-03-01", amount = -45m, payee = "Landlord", version = register[rent.Id].Version };
        await (await client.PutAsJsonAsync($"/api/transactions/{rent.Id}", edit)).AssertProblemAsync(HttpStatusCode.Conflict, "confirmReconciled");
        await (await client.DeleteAsync($"/api/transactions/{rent.Id}")).AssertProblemAsync(HttpStatusCode.Conflict, "confirmReconciled");
        await (await client.PutAsJsonAsync($"/api/transactions/{rent.Id}/cleared", new { cleared = false })).AssertProblemAsync(HttpStatusCode.Conflict, "confirmReconciled");
        Assert.Equal(register[rent.Id], await client.GetFromJsonAsync<Transaction>($"/api/transactions/{rent.Id}"));

        var confirmed = await client.PutAsJsonAsync($"/api/transactions/{rent.Id}", new { edit.accountId, edit.date, edit.amount, edit.payee, edit.version, confirmReconciled = true });
        var edited = (await confirmed.Content.ReadFromJsonAsync<Transaction>())!;
        Assert.Equal((-45m, true, false), (edited.Amount, edited.Cleared, edited.Reconciled));
        var renamed = await client.PutAsJsonAsync($"/api/transactions/{pay.Id}", new { accountId = account.Id, date = "2026-03-05", amount = 250m, payee = "Employer Ltd", version = register[pay.Id].Version, confirmReconciled = true });
        Assert.True((await renamed.Content.ReadFromJsonAsync<Transaction>())!.Reconciled);
    }

    [Fact]
    public async Task ATransferWhoseOtherSideIsReconciledAsksBeforeEitherSideChanges()
    {
        var client = await api.NewUserClientAsync();
        var checking = await client.CreateAccountAsync("Checking", openingBalance: 500m);
        var savings = await client.CreateAccountAsync("Savings");
        var created = await client.PostAsJsonAsync("/api/transfers", new { fromAccountId = checking.Id, toAccountId = savings.Id, date = "2026-03-03", amount = 200m });
        var transfer = (await created.Content.ReadFromJsonAsync<TransferCreated>())!;
        var reconcile = await client.PostAsJsonAsync($"/api/accounts/{savings.Id}/reconcile",
            new { statementDate = "2026-03-31", statementBalance = 200m, clearedIds = new[] { transfer.ToTransactionId } });
        Assert.Equal(HttpStatusCode.OK, reconcile.StatusCode);
        var from = (await client.GetFromJsonAsync<Transaction>($"/api/transactions/{transfer.FromTransactionId}"))!;

        var edit = new { accountId = checking.Id, date = "2026-03-04", amount = -250m, payee = "", version = from.Version };
        await (await client.PutAsJsonAsync($"/api/transactions/{from.Id}", edit)).AssertProblemAsync(HttpStatusCode.Conflict, "confirmReconciled");
        await (await client.DeleteAsync($"/api/transactions/{from.Id}")).AssertProblemAsync(HttpStatusCode.Conflict, "confirmReconciled");
        Assert.Equal(200m, (await client.GetAccountAsync(savings.Id)).Balance);

        var confirmed = await client.PutAsJsonAsync($"/api/transactions/{from.Id}", new { edit.accountId, edit.date, edit.amount, edit.payee, edit.version, confirmReconciled = true });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var to = (await client.GetFromJsonAsync<Transaction>($"/api/transactions/{transfer.ToTransactionId}"))!;
        Assert.Equal((250m, true, false), (to.Amount, to.Cleared, to.Reconciled));
    }

    [Fact]
    public async Task AnotherPersonsRowsAndAccountsAreNotFound()
    {
        var owner = await api.NewUserClientAsync();
        var account = await owner.CreateAccountAsync();
        var row = await owner.CreateTransactionAsync(account.Id, -5m);
        var intruder = await api.NewUserClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PutAsJsonAsync($"/api/transactions/{row.Id}/cleared", new { cleared = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/api/accounts/{account.Id}/reconciliation")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PostAsJsonAsync($"/api/accounts/{account.Id}/reconcile", new { statementDate = "2026-03-31", statementBalance = -5m })).StatusCode);
        Assert.False((await owner.GetFromJsonAsync<Transaction>($"/api/transactions/{row.Id}"))!.Cleared);
        Assert.Empty((await intruder.ListTransactionsAsync($"accountId={account.Id}")).Items);
    }
}
