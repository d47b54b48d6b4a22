using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>"Average spending a month" divides by the months that have begun in the range since the first transaction.</summary>
public sealed class AverageSpendingTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task TheAverageCountsOnlyMonthsSinceTheFirstTransactionAndNotMonthsStillAhead()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        await client.CreateTransactionAsync(account.Id, -90m, thisMonth.AddMonths(-2).ToString("yyyy-MM-dd"));
        await client.CreateTransactionAsync(account.Id, -60m, thisMonth.ToString("yyyy-MM-dd"));
        var from = thisMonth.AddMonths(-11).ToString("yyyy-MM-dd");
        var to = thisMonth.AddMonths(3).AddDays(-1).ToString("yyyy-MM-dd");

        var summary = (await client.GetFromJsonAsync<SummaryReport>($"/api/analytics/summary?from={from}&to={to}"))!.Currencies.Single();
        var lastMonthOnly = (await client.GetFromJsonAsync<SummaryReport>(
            $"/api/analytics/summary?from={thisMonth.AddMonths(-2):yyyy-MM-dd}&to={thisMonth.AddMonths(-1).AddDays(-1):yyyy-MM-dd}"))!.Currencies.Single();

        // Three months have begun since the first transaction (two months ago, last month, this one): 150 ÷ 3.
        Assert.Equal((150m, 3, 50m), (summary.Spending, summary.AverageMonths, summary.AverageSpendingPerMonth));
        Assert.Equal((90m, 1, 90m), (lastMonthOnly.Spending, lastMonthOnly.AverageMonths, lastMonthOnly.AverageSpendingPerMonth));
    }
}
