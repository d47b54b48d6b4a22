using System.Net;
using System.Net.Http.Json;
using System.Text;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>
/// Dates at the ends of the calendar (0001-01-01, 9999-12-31) are refused by name with the accepted range,
/// never a 500 from date arithmetic; the ends of the accepted range itself work.
/// </summary>
public sealed class CalendarEdgeTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("/api/transactions?to=9999-12-31", "to")]
    [InlineData("/api/transactions?from=0001-01-01", "from")]
    [InlineData("/api/transactions?from=9999-12-31", "from")]
    [InlineData("/api/transactions?to=0001-01-01", "to")]
    [InlineData("/api/transactions?from=1899-12-31&to=2026-01-31", "from")]
    [InlineData("/api/transactions?from=2026-01-01&to=2200-01-01", "to")]
    [InlineData("/api/analytics/daily?month=9999-12", "month")]
    [InlineData("/api/analytics/daily?month=0001-01", "month")]
    [InlineData("/api/analytics/daily?month=2200-01", "month")]
    [InlineData("/api/analytics/monthly?from=2026-01-01&to=9999-12-31", "to")]
    [InlineData("/api/analytics/monthly?from=0001-01-01&to=2026-01-31", "from")]
    [InlineData("/api/analytics/summary?to=9999-12-31", "to")]
    [InlineData("/api/analytics/by-category?from=0001-01-01", "from")]
    [InlineData("/api/analytics/top-payees?from=9999-12-01&to=9999-12-31", "from")]
    public async Task DateOutsideTheCalendarWeKeepIs400NamingTheParameterAndTheRange(string url, string field)
    {
        var client = await api.NewUserClientAsync();

        var problem = await (await client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest, field);

        Assert.Contains("1900", Assert.Single(problem.Errors![field]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedCursorFromTheEndOfTheCalendarIs400()
    {
        var client = await api.NewUserClientAsync();
        var cursor = Convert.ToBase64String(Encoding.UTF8.GetBytes("9999-12-31|1")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        await (await client.GetAsync($"/api/transactions?cursor={cursor}")).AssertProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2200-01-01")]
    [InlineData("1899-12-31")]
    public async Task TransactionDateOutsideTheRangeIs400OnCreateAndUpdateAndChangesNothing(string date)
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var t = await client.CreateTransactionAsync(account.Id, -1m);

        var created = await client.PostAsJsonAsync("/api/transactions", new { accountId = account.Id, date, amount = -2m });
        var updated = await client.PutAsJsonAsync($"/api/transactions/{t.Id}", new { accountId = account.Id, date, amount = -2m, version = t.Version });

        Assert.Contains("1900", Assert.Single((await created.AssertProblemAsync(HttpStatusCode.BadRequest, "date")).Errors!["date"]), StringComparison.Ordinal);
        await updated.AssertProblemAsync(HttpStatusCode.BadRequest, "date");
        Assert.Equal([t], (await client.ListTransactionsAsync()).Items);
        Assert.Equal(-1m, (await client.GetAccountAsync(account.Id)).Balance);
    }

    [Fact]
    public async Task FirstAndLastAcceptedDaysWorkEverywhere()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        await client.CreateTransactionAsync(account.Id, -1m, date: "1900-01-01");
        await client.CreateTransactionAsync(account.Id, -2m, date: "2199-12-31");

        Assert.Equal(2, (await client.ListTransactionsAsync("from=1900-01-01&to=2199-12-31")).TotalCount);
        Assert.Equal(1, (await client.ListTransactionsAsync("from=2199-12-31")).TotalCount);
        Assert.Equal(1, (await client.ListTransactionsAsync("to=1900-01-01")).TotalCount);
        var daily = await client.GetFromJsonAsync<DailyReport>("/api/analytics/daily?month=2199-12");
        Assert.Equal(2m, Assert.Single(daily!.Currencies).Days[^1].Spending);
        var monthly = await client.GetFromJsonAsync<MonthlyReport>("/api/analytics/monthly?from=2199-01-01&to=2199-12-31");
        Assert.Equal(2m, Assert.Single(monthly!.Currencies).Months[^1].Spending);
        var summary = await client.GetFromJsonAsync<SummaryReport>("/api/analytics/summary?from=1900-01-01&to=1949-12-31");
        Assert.Equal(1m, Assert.Single(summary!.Currencies).Spending);
    }
}
