using System.Net;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;

namespace FinanceTracker.Web.Components.Pages.Dashboard;

/// <summary>Everything the dashboard shows, fetched in parallel.</summary>
public sealed record DashboardData(
    Lookups Lookups,
    IReadOnlyList<CurrencyAmount> Income,
    IReadOnlyList<CurrencyAmount> Spending,
    TransactionPage Recent,
    BudgetResponse? Budget)
{
    public static async Task<DashboardData> LoadAsync(FinanceApiClient api, DateOnly month)
    {
        // The summary report, not list totals by sign: transfers are neither income nor spending, refunds lower spending.
        var summary = api.GetSummaryAsync(new AnalyticsQuery(month, month.AddMonths(1).AddDays(-1)));
        var recent = api.GetTransactionsAsync(new TransactionQuery { PageSize = 10, WithTotals = false });
        var budget = LoadBudgetAsync(api, month);
        var lookups = Lookups.LoadAsync(api);
        var loaded = await lookups;
        var currencies = (await summary).Currencies;
        return new DashboardData(loaded,
            currencies.Select(c => new CurrencyAmount(c.Currency, c.Income)).ToList(),
            currencies.Select(c => new CurrencyAmount(c.Currency, -c.Spending)).ToList(),
            await recent,
            await budget);
    }

    /// <summary>The month's budget in the first account's currency; none for a person without accounts (the Api's 400).</summary>
    private static async Task<BudgetResponse?> LoadBudgetAsync(FinanceApiClient api, DateOnly month)
    {
        try
        {
            return await api.GetBudgetAsync(month);
        }
        catch (ApiException e) when (e.Status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
