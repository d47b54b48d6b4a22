using System.Globalization;

namespace FinanceTracker.Web.Api;

public sealed partial class FinanceApiClient
{
    public Task<SummaryReport> GetSummaryAsync(AnalyticsQuery query, CancellationToken ct = default) =>
        SendAsync<SummaryReport>(new(HttpMethod.Get, "api/analytics/summary" + RangeQuery(query)), ct);

    public Task<CategoryReport> GetSpendingByCategoryAsync(AnalyticsQuery query, CancellationToken ct = default) =>
        SendAsync<CategoryReport>(new(HttpMethod.Get, "api/analytics/by-category" + RangeQuery(query)), ct);

    public Task<MonthlyReport> GetMonthlyAsync(AnalyticsQuery query, CancellationToken ct = default) =>
        SendAsync<MonthlyReport>(new(HttpMethod.Get, "api/analytics/monthly" + RangeQuery(query)), ct);

    public Task<TopPayeesReport> GetTopPayeesAsync(AnalyticsQuery query, CancellationToken ct = default) =>
        SendAsync<TopPayeesReport>(new(HttpMethod.Get, "api/analytics/top-payees" + RangeQuery(query)), ct);

    /// <summary>Spending per day of the month that <paramref name="month"/> falls in.</summary>
    public Task<DailyReport> GetDailySpendingAsync(DateOnly month, long? accountId = null, CancellationToken ct = default) =>
        SendAsync<DailyReport>(new(HttpMethod.Get,
            $"api/analytics/daily?month={month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}{AccountParameter(accountId)}"), ct);

    private static string RangeQuery(AnalyticsQuery query) =>
        $"?from={Iso(query.From)}&to={Iso(query.To)}{AccountParameter(query.AccountId)}";

    private static string AccountParameter(long? accountId) => accountId is { } id ? $"&accountId={id}" : "";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
