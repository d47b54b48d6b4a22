using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FinanceTracker.Tests.Infrastructure;
using FinanceTracker.Tests.Recurring;

namespace FinanceTracker.Tests.Api;

/// <summary>What a person set up by hand besides the ledger: recurring rules (and how far they have posted) and budgets, through a backup and a restore.</summary>
public sealed class RecurringBudgetBackupTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static DateOnly Today => RecurringClient.Today;

    private sealed record RestoreCounts(
        int Accounts, int Categories, int Transactions, int Tags, int ImportRules, int Receipts, int ReceiptsWithoutFile, int RecurringRules, int Budgets);

    [Fact]
    public async Task ARestoredRuleKeepsItsProgressAndItsPostingsAndPostsNoOccurrenceAgain()
    {
        var (source, _) = await NewUserAsync();
        var account = await source.CreateAccountAsync("Main", "EUR", 1000m);
        var housing = (await source.CategoriesAsync()).Single(c => c.Name == "Housing");
        var paperStart = Today.AddDays(-4);
        var paper = await source.CreateRuleAsync(new { accountId = account.Id, amount = -1.5m, payee = "Daily paper", frequency = "daily", startDate = paperStart.Iso() });
        var rentStart = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-3);
        var rent = await source.CreateRuleAsync(new
        {
            accountId = account.Id, categoryId = housing.Id, amount = -700m, payee = "Rent", notes = "Flat 3", frequency = "monthly",
            dayOfMonth = "last", startDate = rentStart.Iso(),
        });
        var rentDates = Enumerable.Range(0, 4).Select(i => rentStart.AddMonths(i + 1).AddDays(-1)).Where(d => d <= Today).ToList();
        await source.CreateRuleAsync(new
        {
            accountId = account.Id, amount = 250m, payee = "Bonus", frequency = "yearly", interval = 2, startDate = Today.AddDays(10).Iso(), count = 3,
        });
        await using (new FastPostingReplica(api.App).Start())
        {
            await source.WaitForPostedAsync(account.Id, paper.Id, 5);
            await source.WaitForPostedAsync(account.Id, rent.Id, rentDates.Count);
        }
        // A deleted posting stays posted; an edit makes the new terms apply from tomorrow.
        var deleted = (await source.PostedAsync(account.Id)).First(t => t.RecurringId == paper.Id && t.Date == Today.AddDays(-2).Iso());
        Assert.Equal(HttpStatusCode.NoContent, (await source.DeleteAsync($"/api/transactions/{deleted.Id}")).StatusCode);
        (await source.PutAsJsonAsync($"/api/recurring/{paper.Id}",
            new { accountId = account.Id, amount = -2m, payee = "Daily paper", frequency = "daily", startDate = paperStart.Iso() })).EnsureSuccessStatusCode();
        var backup = await BackupAsync(source);
        var (target, targetId) = await NewUserAsync();

        var response = await RestoreAsync(target, backup);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.Content.ReadFromJsonAsync<RestoreCounts>())!.RecurringRules);
        var paperInBackup = JsonNode.Parse(backup)!["recurringRules"]!.AsArray().Single(r => (string?)r!["payee"] == "Daily paper")!;
        Assert.Equal(Enumerable.Range(-4, 5).Select(d => Today.AddDays(d).Iso()), paperInBackup["postings"]!.AsArray().Select(p => (string?)p!["date"]));
        Assert.Single(paperInBackup["postings"]!.AsArray(), p => p!["transactionId"] is null);
        var rules = await RulesAsync(source);
        Assert.Equal(rules, await RulesAsync(target));
        var tomorrow = Today.AddDays(1).Iso();
        Assert.Contains(rules, r => r.StartsWith("Main|-|Daily paper|-2.00|", StringComparison.Ordinal) && r.Contains($"|{tomorrow}|{tomorrow}|5|", StringComparison.Ordinal));
        var postings = await PostingsAsync(source, account.Id);
        var targetAccount = (await target.GetFromJsonAsync<List<Account>>("/api/accounts"))!.Single();
        Assert.Equal(postings, await PostingsAsync(target, targetAccount.Id));
        Assert.Equal(4 + rentDates.Count, postings.Count);

        // As if the restored rules had lost their progress back to their first occurrence: only the restored postings stop them
        // from posting it all again.
        Assert.Equal(2, await api.Database.ScalarAsync<long>("""
            UPDATE recurring_rules r SET next_date = (SELECT MIN(p.occurrence_date) FROM recurring_postings p WHERE p.rule_id = r.id)
            WHERE r.user_id = @userId AND EXISTS (SELECT 1 FROM recurring_postings p WHERE p.rule_id = r.id);
            SELECT ROW_COUNT();
            """, ("@userId", targetId)));
        await using (new FastPostingReplica(api.App).Start())
        {
            var caughtUp = await Eventually.TrueAsync(async () => await RulesAsync(target) is var now && now.SequenceEqual(rules), TimeSpan.FromSeconds(90));
            Assert.True(caughtUp, $"The restored rules did not come back to where they were:\n{string.Join("\n", await RulesAsync(target))}");
        }
        Assert.Equal(postings, await PostingsAsync(target, targetAccount.Id));
        Assert.Equal((await source.GetAccountAsync(account.Id)).Balance, (await target.GetAccountAsync(targetAccount.Id)).Balance);
    }

    [Fact]
    public async Task BudgetsWithRolloverReadTheSameAfterARestore()
    {
        var (source, _) = await NewUserAsync();
        var euros = await source.CreateAccountAsync("Everyday", "EUR");
        var dollars = await source.CreateAccountAsync("Travel", "USD");
        var transport = (await source.CategoriesAsync()).Single(c => c.Name == "Transport");
        var food = await CreateCategoryAsync(source, "Food", null);
        var market = await CreateCategoryAsync(source, "Market", food.Id);
        await source.CreateTransactionAsync(euros.Id, -120m, "2026-01-10", "Market hall", categoryId: market.Id);
        await source.CreateTransactionAsync(euros.Id, -40m, "2026-01-20", "Bakery", categoryId: food.Id);
        await source.CreateTransactionAsync(euros.Id, -310m, "2026-02-05", "Supermarket", categoryId: food.Id);
        await source.CreateTransactionAsync(euros.Id, -12.5m, "2026-02-07", "Bus", categoryId: transport.Id);
        await source.CreateTransactionAsync(euros.Id, -50m, "2026-03-03", "Market hall", categoryId: market.Id);
        await source.CreateTransactionAsync(euros.Id, 10m, "2026-03-04", "Market hall refund", categoryId: market.Id);
        await source.CreateTransactionAsync(euros.Id, -7m, "2026-03-05", "Kiosk");
        await source.CreateTransactionAsync(dollars.Id, -30m, "2026-02-10", "Taxi", categoryId: transport.Id);
        await PutBudgetAsync(source, "2026-01", "EUR", (food.Id, 300m, true), (market.Id, 100.5m, true));
        await PutBudgetAsync(source, "2026-02", "EUR", (food.Id, 250m, true), (transport.Id, 20m, false));
        await PutBudgetAsync(source, "2026-03", "EUR", (food.Id, 200m, false), (market.Id, 0m, true));
        await PutBudgetAsync(source, "2026-02", "USD", (transport.Id, 50m, true));
        string[] months = ["2026-01?currency=EUR", "2026-02?currency=EUR", "2026-03?currency=EUR", "2026-02?currency=USD", "2026-03?currency=USD"];
        var before = new List<string>();
        foreach (var month in months)
        {
            before.Add(await BudgetAsync(source, month));
        }
        var (target, _) = await NewUserAsync();

        var response = await RestoreAsync(target, await BackupAsync(source));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7, (await response.Content.ReadFromJsonAsync<RestoreCounts>())!.Budgets);
        var after = new List<string>();
        foreach (var month in months)
        {
            after.Add(await BudgetAsync(target, month));
        }
        Assert.Equal(before, after);
        // January's unspent food money (300 − 160) is in February's: the rollover chain came back, not only the amounts.
        var february = JsonNode.Parse(after[1])!["lines"]!.AsArray().Single(l => (string?)l!["categoryId"] == "Food")!;
        Assert.Equal(140m, (decimal)february["rolledOver"]!);
        Assert.Equal(20m, (decimal)JsonNode.Parse(after[4])!["lines"]![0]!["rolledOver"]!);
    }

    [Fact]
    public async Task ABackupWithoutRulesOrBudgetsStillRestores()
    {
        var (source, _) = await NewUserAsync();
        var account = await source.CreateAccountAsync();
        await source.CreateTransactionAsync(account.Id, -5m, "2026-01-02", "Bakery");
        var document = JsonNode.Parse(await BackupAsync(source))!.AsObject();
        document.Remove("recurringRules");
        document.Remove("budgets");
        document["transactions"]![0]!.AsObject().Remove("recurringId");
        var (target, _) = await NewUserAsync();

        var response = await RestoreAsync(target, Encoding.UTF8.GetBytes(document.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var counts = (await response.Content.ReadFromJsonAsync<RestoreCounts>())!;
        Assert.Equal((1, 1, 0, 0), (counts.Accounts, counts.Transactions, counts.RecurringRules, counts.Budgets));
        Assert.Equal("Bakery", (await target.ListAllTransactionsAsync()).Single().Payee);
    }

    [Theory]
    [InlineData("frequency", "recurringRules[0].frequency")]
    [InlineData("rule-account", "recurringRules[0].accountId")]
    [InlineData("rule-category", "recurringRules[0].categoryId")]
    [InlineData("rule-amount", "recurringRules[0].amount")]
    [InlineData("day-of-month", "recurringRules[0].dayOfMonth")]
    [InlineData("next-date-off-schedule", "recurringRules[0].nextDate")]
    [InlineData("next-date-missing", "recurringRules[0].nextDate")]
    [InlineData("posting-transaction", "recurringRules[0].postings[0].transactionId")]
    [InlineData("posting-twice", "recurringRules[0].postings[1].date")]
    [InlineData("transaction-rule", "transactions[0].recurringId")]
    [InlineData("budget-income-category", "budgets[0].categoryId")]
    [InlineData("budget-unknown-category", "budgets[0].categoryId")]
    [InlineData("budget-month", "budgets[0].month")]
    [InlineData("budget-amount", "budgets[0].amount")]
    [InlineData("budget-negative", "budgets[0].amount")]
    [InlineData("budget-line-twice", "budgets[1].categoryId")]
    public async Task ABadRuleOrBudgetIs400NamingThePathAndWritesNothing(string damage, string path)
    {
        var (source, _) = await NewUserAsync();
        var account = await source.CreateAccountAsync("Main", "EUR");
        var categories = await source.CategoriesAsync();
        await source.CreateTransactionAsync(account.Id, -5m, "2026-01-02", "Bakery");
        await source.CreateRuleAsync(new
        {
            accountId = account.Id, categoryId = categories.Single(c => c.Name == "Housing").Id, amount = -700m, payee = "Rent",
            frequency = "monthly", dayOfMonth = 15, startDate = "2030-01-15",
        });
        await PutBudgetAsync(source, "2026-01", "EUR", (categories.Single(c => c.Name == "Groceries").Id, 300m, true));
        var document = JsonNode.Parse(await BackupAsync(source))!;
        var rule = document["recurringRules"]![0]!;
        var budgets = document["budgets"]!.AsArray();
        switch (damage)
        {
            case "frequency": rule["frequency"] = "fortnightly"; break;
            case "rule-account": rule["accountId"] = account.Id + 1_000_000; break;
            case "rule-category": rule["categoryId"] = -1; break;
            case "rule-amount": rule["amount"] = -700.001m; break;
            case "day-of-month": rule["dayOfMonth"] = "first"; break;
            case "next-date-off-schedule": rule["nextDate"] = "2030-01-16"; break;
            case "next-date-missing": rule["nextDate"] = null; break;
            case "posting-transaction": rule["postings"] = new JsonArray(new JsonObject { ["date"] = "2026-01-15", ["transactionId"] = -1 }); break;
            case "posting-twice": rule["postings"] = new JsonArray(new JsonObject { ["date"] = "2026-01-15" }, new JsonObject { ["date"] = "2026-01-15" }); break;
            case "transaction-rule": document["transactions"]![0]!["recurringId"] = -1; break;
            case "budget-income-category": budgets[0]!["categoryId"] = categories.Single(c => c.Name == "Salary").Id; break;
            case "budget-unknown-category": budgets[0]!["categoryId"] = -1; break;
            case "budget-month": budgets[0]!["month"] = "2026-13"; break;
            case "budget-amount": budgets[0]!["amount"] = 12.345m; break;
            case "budget-negative": budgets[0]!["amount"] = -1m; break;
            case "budget-line-twice": budgets.Add(budgets[0]!.DeepClone()); break;
        }
        var (target, _) = await NewUserAsync();
        var categoriesBefore = await target.CategoriesAsync();

        await (await RestoreAsync(target, Encoding.UTF8.GetBytes(document.ToJsonString()))).AssertProblemAsync(HttpStatusCode.BadRequest, path);

        Assert.Empty((await target.GetFromJsonAsync<List<Account>>("/api/accounts"))!);
        Assert.Empty((await target.GetFromJsonAsync<List<JsonObject>>("/api/recurring"))!);
        Assert.Empty(JsonNode.Parse(await BudgetAsync(target, "2026-01?currency=EUR"))!["lines"]!.AsArray());
        Assert.Equal(categoriesBefore, await target.CategoriesAsync());
    }

    /// <summary>Each rule as GET /api/recurring answers it, with its id left out and its account and category by name.</summary>
    private static async Task<List<string>> RulesAsync(HttpClient client)
    {
        var accounts = (await client.GetFromJsonAsync<List<Account>>("/api/accounts"))!.ToDictionary(a => a.Id, a => a.Name);
        var categories = await CategoryNamesAsync(client);
        var rules = (await client.GetFromJsonAsync<List<JsonObject>>("/api/recurring"))!;
        return rules.Select(r => string.Join("|", accounts[(long)r["accountId"]!], r["categoryId"] is { } c ? categories[(long)c] : "-",
                (string?)r["payee"], (decimal)r["amount"]!, (string?)r["nextDate"], (string?)r["effectiveFrom"], (int)r["postedCount"]!,
                r["currency"], r["notes"], r["frequency"], r["interval"], r["dayOfMonth"]?.ToJsonString(), r["startDate"], r["endDate"], r["count"],
                r["createdAt"], r["updatedAt"]))
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The account's transactions that rules posted, by rule payee, date and amount.</summary>
    private static async Task<List<string>> PostingsAsync(HttpClient client, long accountId)
    {
        var rules = (await client.GetFromJsonAsync<List<RecurringRule>>("/api/recurring"))!.ToDictionary(r => r.Id, r => r.Payee);
        return (await client.PostedAsync(accountId)).Where(t => t.RecurringId is not null)
            .Select(t => $"{rules[t.RecurringId!.Value]}|{t.Date}|{t.Amount}|{t.Payee}").Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A month's budget as the Api answers it, with category ids replaced by names (two users' ids differ).</summary>
    private static async Task<string> BudgetAsync(HttpClient client, string monthAndCurrency)
    {
        var names = await CategoryNamesAsync(client);
        var budget = JsonNode.Parse(await client.GetStringAsync($"/api/budgets/{monthAndCurrency}"))!;
        foreach (var item in budget["lines"]!.AsArray().Concat(budget["unbudgeted"]!.AsArray()))
        {
            foreach (var field in new[] { "categoryId", "parentId" })
            {
                if (item![field] is { } id)
                {
                    item[field] = names[(long)id];
                }
            }
        }
        return budget.ToJsonString();
    }

    private static async Task<Dictionary<long, string>> CategoryNamesAsync(HttpClient client) =>
        (await client.CategoriesAsync()).ToDictionary(c => c.Id, c => c.Name);

    private static async Task PutBudgetAsync(HttpClient client, string month, string currency, params (long CategoryId, decimal Amount, bool Rollover)[] lines)
    {
        var response = await client.PutAsJsonAsync($"/api/budgets/{month}",
            new { currency, lines = lines.Select(l => new { categoryId = l.CategoryId, amount = l.Amount, rollover = l.Rollover }) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<Category> CreateCategoryAsync(HttpClient client, string name, long? parentId)
    {
        var response = await client.PostAsJsonAsync("/api/categories", new { name, kind = "expense", parentId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Category>())!;
    }

    private async Task<(HttpClient Client, long UserId)> NewUserAsync()
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var client = await api.NewUserClientAsync(email);
        return (client, await api.Database.ScalarAsync<long>("SELECT id FROM users WHERE email = @email", ("@email", email)));
    }

    private static async Task<byte[]> BackupAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/exports/backup");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static Task<HttpResponseMessage> RestoreAsync(HttpClient client, byte[] file) =>
        client.PostAsync("/api/imports/backup", new MultipartFormDataContent { { new ByteArrayContent(file), "file", "backup.json" } });
}
