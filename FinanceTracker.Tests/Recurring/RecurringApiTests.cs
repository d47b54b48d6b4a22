using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Recurring;

public sealed class RecurringApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static DateOnly Today => RecurringClient.Today;

    private static JsonObject ValidBody(long accountId) => new()
    {
        ["accountId"] = accountId, ["amount"] = -15.99m, ["payee"] = "NETFLIX", ["frequency"] = "monthly", ["interval"] = 1,
        ["dayOfMonth"] = 15, ["startDate"] = Today.AddDays(1).Iso(),
    };

    [Fact]
    public async Task ARuleIsCreatedReadListedAndDeleted()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var body = ValidBody(account.Id);
        body["dayOfMonth"] = "last";
        body["notes"] = "  family plan ";

        var created = await client.CreateRuleAsync(body);

        Assert.Equal(("monthly", 1, "last", -15.99m, "EUR", "family plan"),
            (created.Frequency, created.Interval, created.DayOfMonth!.Value.GetString(), created.Amount, created.Currency, created.Notes));
        var firstMonthEnd = new DateOnly(Today.AddDays(1).Year, Today.AddDays(1).Month, DateTime.DaysInMonth(Today.AddDays(1).Year, Today.AddDays(1).Month));
        Assert.Equal(firstMonthEnd.Iso(), created.NextDate);
        Assert.Equal(created with { DayOfMonth = null }, (await client.GetRuleAsync(created.Id)) with { DayOfMonth = null });
        Assert.Equal([created.Id], (await client.GetFromJsonAsync<List<RecurringRule>>("/api/recurring"))!.Select(r => r.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/recurring/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/recurring/{created.Id}")).StatusCode);
    }

    [Theory]
    [InlineData("amount", 0)]
    [InlineData("amount", 1_000_000_000_000)]
    [InlineData("amount", 1.234)]
    [InlineData("payee", "   ")]
    [InlineData("frequency", "fortnightly")]
    [InlineData("interval", 0)]
    [InlineData("interval", 367)]
    [InlineData("dayOfMonth", 0)]
    [InlineData("dayOfMonth", 32)]
    [InlineData("dayOfMonth", "first")]
    [InlineData("startDate", "1899-12-31")]
    [InlineData("startDate", "2026-02-30")]
    [InlineData("endDate", "2200-01-01")]
    [InlineData("count", 0)]
    [InlineData("accountId", 0)]
    [InlineData("categoryId", 0)]
    public async Task EachBadFieldIsA400NamingItAndNothingIsStored(string field, object value)
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var body = ValidBody(account.Id);
        body[field] = JsonValue.Create(value);

        var response = await client.PostAsJsonAsync("/api/recurring", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Empty((await client.GetFromJsonAsync<List<RecurringRule>>("/api/recurring"))!);
    }

    [Fact]
    public async Task CrossFieldRulesAreChecked()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();

        var weeklyWithDay = ValidBody(account.Id);
        weeklyWithDay["frequency"] = "weekly";
        await (await client.PostAsJsonAsync("/api/recurring", weeklyWithDay)).AssertProblemAsync(HttpStatusCode.BadRequest, "dayOfMonth");

        var endBeforeStart = ValidBody(account.Id);
        endBeforeStart["endDate"] = Today.Iso();
        await (await client.PostAsJsonAsync("/api/recurring", endBeforeStart)).AssertProblemAsync(HttpStatusCode.BadRequest, "endDate");

        var yen = await client.CreateAccountAsync("Yen", "JPY");
        var yenCents = ValidBody(yen.Id);
        yenCents["amount"] = -100.5m;
        await (await client.PostAsJsonAsync("/api/recurring", yenCents)).AssertProblemAsync(HttpStatusCode.BadRequest, "amount");

        var century = ValidBody(account.Id);
        century["frequency"] = "daily";
        century.Remove("dayOfMonth");
        century["startDate"] = "1900-01-01";
        await (await client.PostAsJsonAsync("/api/recurring", century)).AssertProblemAsync(HttpStatusCode.BadRequest, "startDate");

        var missing = ValidBody(account.Id);
        missing.Remove("startDate");
        await (await client.PostAsJsonAsync("/api/recurring", missing)).AssertProblemAsync(HttpStatusCode.BadRequest, "startDate");

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/recurring/upcoming?days=0")).StatusCode);
        await (await client.GetAsync("/api/recurring/upcoming?days=abc")).AssertProblemAsync(HttpStatusCode.BadRequest, "days");
    }

    [Fact]
    public async Task AnotherPersonsRuleAnswers404AndTheirAccountOrCategoryIsRefused()
    {
        var owner = await api.NewUserClientAsync();
        var account = await owner.CreateAccountAsync();
        var category = (await owner.CategoriesAsync()).First();
        var body = ValidBody(account.Id);
        body["categoryId"] = category.Id;
        var rule = await owner.CreateRuleAsync(body);
        var intruder = await api.NewUserClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/api/recurring/{rule.Id}")).StatusCode);
        var ownAccount = await intruder.CreateAccountAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PutAsJsonAsync($"/api/recurring/{rule.Id}", ValidBody(ownAccount.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.DeleteAsync($"/api/recurring/{rule.Id}")).StatusCode);
        Assert.Empty((await intruder.GetFromJsonAsync<List<RecurringRule>>("/api/recurring"))!);
        Assert.Empty(await intruder.UpcomingAsync(60));
        await (await intruder.PostAsJsonAsync("/api/recurring", ValidBody(account.Id))).AssertProblemAsync(HttpStatusCode.BadRequest, "accountId");
        var theirCategory = ValidBody(ownAccount.Id);
        theirCategory["categoryId"] = category.Id;
        await (await intruder.PostAsJsonAsync("/api/recurring", theirCategory)).AssertProblemAsync(HttpStatusCode.BadRequest, "categoryId");

        Assert.Equal(body["payee"]!.GetValue<string>(), (await owner.GetRuleAsync(rule.Id)).Payee);
    }

    [Fact]
    public async Task UpcomingListsTheOccurrencesAfterTodayWithinTheDays()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var weekly = await client.CreateRuleAsync(new
        {
            accountId = account.Id, amount = -20m, payee = "Cleaner", frequency = "weekly", interval = 1, startDate = Today.AddDays(-14).Iso(),
        });
        var later = await client.CreateRuleAsync(new
        {
            accountId = account.Id, amount = 3000m, payee = "Salary", frequency = "monthly", interval = 1, startDate = Today.AddDays(40).Iso(),
        });

        var upcoming = await client.UpcomingAsync(30);

        Assert.Equal([Today.AddDays(7).Iso(), Today.AddDays(14).Iso(), Today.AddDays(21).Iso(), Today.AddDays(28).Iso()],
            upcoming.Select(o => o.Date));
        Assert.All(upcoming, o => Assert.Equal((weekly.Id, -20m, "Cleaner", account.Id), (o.RuleId, o.Amount, o.Payee, o.AccountId)));
        Assert.Contains(await client.UpcomingAsync(45), o => o.RuleId == later.Id && o.Date == Today.AddDays(40).Iso());
    }

    [Fact]
    public async Task SuggestionsFindAMonthlyPaymentUntilARuleCoversIt()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var first = Today.AddMonths(-3);
        var paid = new[] { first, first.AddMonths(1).AddDays(1), first.AddMonths(2) };
        await client.CreateTransactionAsync(account.Id, -15.49m, paid[0].Iso(), "NETFLIX");
        await client.CreateTransactionAsync(account.Id, -15.99m, paid[1].Iso(), "Netflix ");
        await client.CreateTransactionAsync(account.Id, -15.99m, paid[2].Iso(), "NETFLIX");
        // Noise: twice is not a habit; irregular shopping is not a subscription.
        await client.CreateTransactionAsync(account.Id, -40m, Today.AddMonths(-2).Iso(), "Gym");
        await client.CreateTransactionAsync(account.Id, -40m, Today.AddMonths(-1).Iso(), "Gym");
        foreach (var daysAgo in new[] { 3, 5, 19, 20, 44, 71 })
        {
            await client.CreateTransactionAsync(account.Id, -30m - daysAgo, Today.AddDays(-daysAgo).Iso(), "Corner shop");
        }

        var suggestion = Assert.Single(await client.SuggestionsAsync());

        Assert.Equal(("NETFLIX", -15.99m, "monthly", 1, 3, account.Id, paid[2].Iso()),
            (suggestion.Payee, suggestion.Amount, suggestion.Frequency, suggestion.Interval, suggestion.Occurrences, suggestion.AccountId, suggestion.LastDate));
        var gap = DateOnly.Parse(suggestion.NextDate).DayNumber - paid[2].DayNumber;
        Assert.InRange(gap, 28, 31);

        await client.CreateRuleAsync(new
        {
            accountId = suggestion.AccountId, amount = suggestion.Amount, payee = suggestion.Payee, frequency = suggestion.Frequency,
            interval = suggestion.Interval, dayOfMonth = suggestion.DayOfMonth, startDate = suggestion.NextDate,
        });
        Assert.Empty(await client.SuggestionsAsync());
    }

    [Fact]
    public async Task DeletingARuleKeepsItsTransactionsAndDeletingTheAccountOrThePersonTakesTheRule()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var body = new { accountId = account.Id, amount = -5m, payee = "Coffee club", frequency = "daily", interval = 1, startDate = Today.AddDays(-2).Iso() };
        var rule = await client.CreateRuleAsync(body);
        // An edit posts what is due under the terms so far: three transactions, now.
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/recurring/{rule.Id}", body)).StatusCode);
        Assert.Equal(3, (await client.PostedAsync(account.Id)).Count(t => t.RecurringId == rule.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/recurring/{rule.Id}")).StatusCode);
        var kept = await client.PostedAsync(account.Id);
        Assert.Equal(3, kept.Count);
        Assert.All(kept, t => Assert.Null(t.RecurringId));
        Assert.Equal(-15m, (await client.GetAccountAsync(account.Id)).Balance);

        // A posted occurrence whose transaction is deleted stays posted: it does not come back.
        var again = await client.CreateRuleAsync(body with { payee = "Juice club" });
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/recurring/{again.Id}", body with { payee = "Juice club" })).StatusCode);
        var juice = (await client.PostedAsync(account.Id)).Where(t => t.RecurringId == again.Id).ToList();
        Assert.Equal(3, juice.Count);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/transactions/{juice[0].Id}")).StatusCode);
        await api.Database.ScalarAsync<long>("UPDATE recurring_rules SET next_date = start_date WHERE id = @id; SELECT ROW_COUNT()", ("@id", again.Id));
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/recurring/{again.Id}", body with { payee = "Juice club" })).StatusCode);
        Assert.Equal(2, (await client.PostedAsync(account.Id)).Count(t => t.RecurringId == again.Id));
        Assert.Equal(3, (await client.GetRuleAsync(again.Id)).PostedCount);

        var second = await client.CreateRuleAsync(body with { payee = "Tea club" });
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/recurring/{second.Id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/accounts/{account.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/recurring/{second.Id}")).StatusCode);

        var other = await client.CreateAccountAsync("Other");
        var third = await client.CreateRuleAsync(body with { accountId = other.Id });
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/recurring/{third.Id}", body with { accountId = other.Id })).StatusCode);
        var deleted = await client.PostAsJsonAsync("/api/auth/manage/delete-account", new { password = ApiFixture.Password });
        Assert.True(deleted.IsSuccessStatusCode, $"delete-account answered {deleted.StatusCode}");
        Assert.Equal(0, await api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM recurring_rules WHERE id = @id", ("@id", third.Id)));
    }

    [Fact]
    public async Task OpenApiDescribesTheRoutesAndDayOfMonthAsADayOrLast()
    {
        using var document = System.Text.Json.JsonDocument.Parse(await api.AnonymousClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/recurring", "/api/recurring/{id}", "/api/recurring/upcoming", "/api/recurring/suggestions" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var day = schemas.GetProperty("RecurringRuleRequest").GetProperty("properties").GetProperty("dayOfMonth");
        // Optional: null, or the shared DayOfMonth schema.
        if (day.TryGetProperty("oneOf", out var choices))
        {
            day = choices.EnumerateArray().Single(c => c.TryGetProperty("$ref", out _));
        }
        if (day.TryGetProperty("$ref", out var reference))
        {
            day = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }
        Assert.True(day.TryGetProperty("type", out var type), day.GetRawText());
        var types = type.EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Contains("integer", types);
        Assert.Contains("string", types);
    }
}
