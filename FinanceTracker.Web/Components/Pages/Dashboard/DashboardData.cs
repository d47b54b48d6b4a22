using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;

namespace FinanceTracker.Web.Components.Pages.Dashboard;

/// <summary>Everything the dashboard shows, fetched in parallel.</summary>
public sealed record DashboardData(
    Lookups Lookups,
    IReadOnlyList<CurrencyAmount> Income,
    IReadOnlyList<CurrencyAmount> Spending,
    TransactionPage Recent)
{
    public static async Task<DashboardData> LoadAsync(FinanceApiClient api, DateOnly month)
    {
        // The summary report, not list totals by sign: transfers are neither income nor spending, refunds lower spending.
        var summary = api.GetSummaryAsync(new AnalyticsQuery(month, month.AddMonths(1).AddDays(-1)));
        var recent = api.GetTransactionsAsync(new TransactionQuery { PageSize = 10 });
        var lookups = Lookups.LoadAsync(api);
        var loaded = await lookups;
        var currencies = (await summary).Currencies;
        return new DashboardData(loaded,
            currencies.Select(c => new CurrencyAmount(c.Currency, c.Income)).ToList(),
            currencies.Select(c => new CurrencyAmount(c.Currency, -c.Spending)).ToList(),
            await recent);
    }
}
